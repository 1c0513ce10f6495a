<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Last Send/Receive</source>
        <translation>上次发送/接收</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>First error</source>
        <translation>第一个错误</translation>
    </message>
    <message>
        <source>Next scheduled</source>
        <translation>下次计划运行</translation>
    </message>
    <message>
        <source>Disabled: left out of every run</source>
        <translation>已禁用：不参与任何运行</translation>
    </message>
    <message>
        <source>%1
Provider: %2
Flags: %3</source>
        <translation>%1
提供程序：%2
标志：%3</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>status · time</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Send/Receive Workbench cannot start</source>
        <translation>发送/接收工作台无法启动</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Show calls of kind</source>
        <translation>显示此类调用</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>所有调用</translation>
    </message>
    <message>
        <source>Host steps</source>
        <translation>宿主步骤</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>F8: next contract violation, Shift+F8: previous one</source>
        <translation>F8：下一个违约，Shift+F8：上一个</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the task&apos;s recording, or the selected calls as text</source>
        <translation>保存该任务的记录，或将所选调用保存为文本</translation>
    </message>
    <message>
        <source>Select a task in the Tasks tab to see its calls.</source>
        <translation>在“任务”选项卡中选择一个任务以查看其调用。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>calls of task: count</comment>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln 个调用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln earlier call(s) dropped)</source>
        <translation>
            <numerusform>（已丢弃 %Ln 个较早的调用）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contract violation(s), F8 goes to the next</source>
        <translation>
            <numerusform>%Ln 个违约，按 F8 转到下一个</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording (*.jsonl)</source>
        <translation>记录 (*.jsonl)</translation>
    </message>
    <message>
        <source>Selected calls as text (*.txt)</source>
        <translation>所选调用为文本 (*.txt)</translation>
    </message>
    <message>
        <source>Save Calls</source>
        <translation>保存调用</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another place to save the calls.</source>
        <translation>无法写入 %1：%2。请选择其他位置保存调用。</translation>
    </message>
</context>
<context>
    <name>ErrorTableModel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后出现</translation>
    </message>
</context>
<context>
    <name>Facility</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>调度 (Dispatch)</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>interface-defined, MAPI</source>
        <translation>接口定义，MAPI</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>控制</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <source>Send/Receive Groups</source>
        <translation>发送/接收组</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Include this group in Send/Receive All (F9)</source>
        <translation>在“全部发送/接收”(F9)中包含此组(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Schedule an automatic Send/Receive every</source>
        <translation>每隔以下时间自动发送/接收(&amp;S)</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>In group</source>
        <translation>在组中</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>组(&amp;G)：</translation>
    </message>
    <message>
        <source>Settings of the selected group</source>
        <translation>所选组的设置</translation>
    </message>
    <message>
        <source>Accounts, and what the group does for each:</source>
        <translation>账户，以及该组对每个账户执行的操作：</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>组必须有名称。</translation>
    </message>
    <message>
        <source>There is already a group named &apos;%1&apos;.</source>
        <translation>已存在名为“%1”的组。</translation>
    </message>
    <message>
        <source>New Group</source>
        <translation>新建组</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>组名称：</translation>
    </message>
    <message>
        <source>Rename Group</source>
        <translation>重命名组</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1（已禁用）</translation>
    </message>
    <message>
        <source>These groups would break the profile:</source>
        <translation>这些组会使配置文件无法使用：</translation>
    </message>
    <message>
        <source>The profile could not be written:</source>
        <translation>无法写入配置文件：</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Always</source>
        <translation>总是(&amp;A)</translation>
    </message>
    <message>
        <source>For Send/Receive I &amp;Start (not Scheduled Ones)</source>
        <translation>仅限我启动的发送/接收(不含计划的)(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Never</source>
        <translation>从不(&amp;N)</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>(无配置文件)</translation>
    </message>
    <message>
        <source>Send/Receive Workbench — %1</source>
        <translation>发送/接收工作台 — %1</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Send/Receive progress</source>
        <translation>发送/接收进度</translation>
    </message>
    <message>
        <source>A Send/Receive failed: show its errors</source>
        <translation>发送/接收失败：显示其错误</translation>
    </message>
    <message>
        <source>Working Offline</source>
        <translation>脱机工作</translation>
    </message>
    <message>
        <source>Click to work online</source>
        <translation>单击以联机工作</translation>
    </message>
    <message>
        <source>Send/Receive &amp;All</source>
        <translation>全部发送/接收(&amp;A)</translation>
    </message>
    <message>
        <source>Send/Receive &amp;Selected Account</source>
        <translation>发送/接收所选账户(&amp;S)</translation>
    </message>
    <message>
        <source>Show &amp;Progress</source>
        <translation>显示进度(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Cancel Send/Receive</source>
        <translation>取消发送/接收(&amp;C)</translation>
    </message>
    <message>
        <source>Send/Receive</source>
        <translation>发送/接收</translation>
    </message>
    <message>
        <source>&amp;New Message…</source>
        <translation>新建邮件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Work Offline</source>
        <translation>脱机工作(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Define Send/Receive Groups…</source>
        <translation>定义发送/接收组(&amp;D)…</translation>
    </message>
    <message>
        <source>Only a profile file has groups to edit</source>
        <translation>只有配置文件才有可编辑的组</translation>
    </message>
    <message>
        <source>&amp;Send/Receive</source>
        <translation>发送/接收(&amp;S)</translation>
    </message>
    <message>
        <source>Send/Receive &amp;Groups</source>
        <translation>发送/接收组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show the Send/Receive &amp;Dialog</source>
        <translation>显示发送/接收对话框(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>View &amp;Log</source>
        <translation>查看日志(&amp;L)</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Work Offline</source>
        <translation>脱机工作</translation>
    </message>
    <message>
        <source>You are working offline. Go online and Send/Receive?</source>
        <translation>您正在脱机工作。是否联机并发送/接收？</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>The profile could not be changed: %1</source>
        <translation>无法更改配置文件：%1</translation>
    </message>
    <message>
        <source>The language changes when Send/Receive Workbench starts again.</source>
        <translation>语言将在发送/接收工作台下次启动时更改。</translation>
    </message>
    <message>
        <source>The profile cannot be used</source>
        <translation>无法使用该配置文件</translation>
    </message>
    <message>
        <source>The profile has problems; fix them and start again. Nothing was changed.</source>
        <translation>配置文件有问题；请修正后重新启动。未做任何更改。</translation>
    </message>
    <message>
        <source>Profile error: %1</source>
        <translation>配置文件错误：%1</translation>
    </message>
    <message>
        <source>Send/Receive Workbench</source>
        <translation>发送/接收工作台</translation>
    </message>
    <message>
        <source>Task %1: %2</source>
        <translation>任务 %1：%2</translation>
    </message>
</context>
<context>
    <name>NewMessageWindow</name>
    <message>
        <source>New Message</source>
        <translation>新建邮件</translation>
    </message>
    <message>
        <source>&amp;Attach File…</source>
        <translation>附加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>发件人(&amp;F)：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>抄送(&amp;C)：</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>主题(&amp;B)：</translation>
    </message>
    <message>
        <source>The message was not queued: %1</source>
        <translation>邮件未放入发件箱：%1</translation>
    </message>
    <message>
        <source>Attach File</source>
        <translation>附加文件</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sending was cut off: it is sent again at the next Send/Receive</source>
        <translation>发送被中断：将在下次发送/接收时重新发送</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>已排队</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>&amp;New Message…</source>
        <translation>新建邮件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Add Message…</source>
        <translation>添加邮件(&amp;A)…</translation>
    </message>
    <message>
        <source>Queue an e-mail file (.eml); you can drop files here too</source>
        <translation>将电子邮件文件(.eml)放入发件箱；也可以将文件拖放到此处</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>No account of this profile sends mail</source>
        <translation>此配置文件中没有发送邮件的账户</translation>
    </message>
    <message>
        <source>Add Message</source>
        <translation>添加邮件</translation>
    </message>
    <message>
        <source>%1
Nothing was queued.</source>
        <translation>%1
未将任何内容放入发件箱。</translation>
    </message>
    <message>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>电子邮件 (*.eml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No enabled account of this profile sends mail.</source>
        <translation>此配置文件中没有已启用的发送邮件账户。</translation>
    </message>
    <message>
        <source>Send with account:</source>
        <translation>使用以下账户发送：</translation>
    </message>
</context>
<context>
    <name>SendReceiveDialog</name>
    <message>
        <source>Send/Receive Progress</source>
        <translation>发送/接收进度</translation>
    </message>
    <message>
        <source>Send/Receive has not run yet</source>
        <translation>尚未运行发送/接收</translation>
    </message>
    <message>
        <source>Earlier runs, scheduled ones included, keep their tasks and errors</source>
        <translation>以前的运行(包括计划运行)保留各自的任务和错误</translation>
    </message>
    <message>
        <source>Send/Receive runs</source>
        <translation>发送/接收运行记录</translation>
    </message>
    <message>
        <source>Send/Receive progress</source>
        <translation>发送/接收进度</translation>
    </message>
    <message>
        <source>&amp;Cancel All</source>
        <translation>全部取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stops every task of this Send/Receive</source>
        <translation>停止本次发送/接收的所有任务</translation>
    </message>
    <message>
        <source>&lt;&lt; &amp;Details</source>
        <translation>&lt;&lt; 详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Shows or hides the list of tasks and the errors</source>
        <translation>显示或隐藏任务列表和错误</translation>
    </message>
    <message>
        <source>Save &amp;Run…</source>
        <translation>保存运行(&amp;R)…</translation>
    </message>
    <message>
        <source>Write each task&apos;s calls as a recording into a directory</source>
        <translation>将每个任务的调用作为记录写入目录</translation>
    </message>
    <message>
        <source>Don&apos;t show this dialog box during Send/Receive</source>
        <translation>发送/接收期间不显示此对话框</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Cancel &amp;Task</source>
        <translation>取消任务(&amp;T)</translation>
    </message>
    <message>
        <source>Stops the selected task</source>
        <translation>停止所选任务</translation>
    </message>
    <message>
        <source>Errors and warnings</source>
        <translation>错误和警告</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>复制(&amp;O)</translation>
    </message>
    <message>
        <source>Copy the selected error lines with all their details (all lines when none is selected)</source>
        <translation>复制所选错误行及其全部详细信息(未选择时复制所有行)</translation>
    </message>
    <message>
        <source>Select an error to read all of it here.</source>
        <translation>选择一个错误，即可在此处阅读其全部内容。</translation>
    </message>
    <message>
        <source>The selected error in full</source>
        <translation>所选错误的完整内容</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>&amp;Details &gt;&gt;</source>
        <translation>详细信息(&amp;D) &gt;&gt;</translation>
    </message>
    <message>
        <source>Save Run</source>
        <translation>保存运行</translation>
    </message>
    <message>
        <source>Could not write into %1: %2. Choose another directory.</source>
        <translation>无法写入 %1：%2。请选择其他目录。</translation>
    </message>
    <message>
        <source>%1 · %2 (scheduled)</source>
        <translation>%1 · %2(计划)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>StatusLabel</name>
    <message>
        <source>Click to show the Send/Receive dialog</source>
        <translation>单击以显示发送/接收对话框</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Sending</source>
        <comment>task activity</comment>
        <translation>发送</translation>
    </message>
    <message>
        <source>Synchronizing</source>
        <comment>task activity</comment>
        <translation>同步</translation>
    </message>
    <message>
        <source>Receiving</source>
        <comment>task activity</comment>
        <translation>接收</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <comment>task name: account - activity</comment>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>task status</comment>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>task status</comment>
        <translation>正在运行</translation>
    </message>
    <message>
        <source>Not responding</source>
        <comment>task status</comment>
        <translation>无响应</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <comment>task status</comment>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>task status</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Completed with warnings</source>
        <comment>task status</comment>
        <translation>已完成，但有警告</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>task status</comment>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>task status</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <comment>task status</comment>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>Not responding (no progress for %1)</source>
        <translation>无响应(已 %1 无进度)</translation>
    </message>
    <message numerus="yes">
        <source>Completed with %Ln error(s)</source>
        <translation>
            <numerusform>已完成，但有 %Ln 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Completed with %Ln contract violation(s)</source>
        <translation>
            <numerusform>已完成，但有 %Ln 处违反约定</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a percentage</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>&lt; 1 s</source>
        <comment>duration</comment>
        <translation>&lt; 1 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration</comment>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <comment>duration</comment>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration</comment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>progress unknown</source>
        <translation>进度未知</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of %1 tasks have completed successfully</source>
        <translation>
            <numerusform>%1 个任务中已有 %Ln 个成功完成</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>header — other fates</comment>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln with errors</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln 个有错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln 个已取消</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln abandoned</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln 个已放弃</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln still running</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln 个仍在运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Errors</source>
        <comment>tab</comment>
        <translation>错误</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <comment>tab</comment>
        <translation>错误(%1)</translation>
    </message>
    <message>
        <source>Errors (%1) and warnings (%2)</source>
        <comment>tab</comment>
        <translation>错误(%1)和警告(%2)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln task(s) failed</source>
        <translation>
            <numerusform>%Ln 个任务失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Send/Receive failed: %1</source>
        <translation>发送/接收失败：%1</translation>
    </message>
    <message>
        <source>Send/Receive complete with errors: %1</source>
        <translation>发送/接收已完成，但有错误：%1</translation>
    </message>
    <message>
        <source>Send/Receive complete (%1)</source>
        <translation>发送/接收已完成(%1)</translation>
    </message>
    <message>
        <source>Send/Receive complete</source>
        <translation>发送/接收已完成</translation>
    </message>
    <message numerus="yes">
        <source>Send/Receive: %1 of %Ln task(s) done</source>
        <translation>
            <numerusform>发送/接收：%Ln 个任务中已完成 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <comment>status bar: progress — task: step</comment>
        <translation>%1 — %2：%3</translation>
    </message>
    <message>
        <source>%1 percent done</source>
        <translation>已完成百分之 %1</translation>
    </message>
    <message>
        <source>All Accounts</source>
        <comment>the implicit group</comment>
        <translation>所有账户</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Contract violation</source>
        <translation>违反约定</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>facility %1</source>
        <translation>设施 %1</translation>
    </message>
    <message>
        <source>facility %1 (%2)</source>
        <translation>设施 %1(%2)</translation>
    </message>
    <message>
        <source>failure</source>
        <comment>HRESULT severity</comment>
        <translation>失败</translation>
    </message>
    <message>
        <source>success</source>
        <comment>HRESULT severity</comment>
        <translation>成功</translation>
    </message>
    <message>
        <source>%1: %2, %3, code %4</source>
        <comment>HRESULT: severity, facility, code</comment>
        <translation>%1：%2，%3，代码 %4</translation>
    </message>
    <message>
        <source>%1 in task &apos;%2&apos;</source>
        <comment>error kind in task</comment>
        <translation>任务“%2”中的%1</translation>
    </message>
    <message>
        <source>HRESULT: %1</source>
        <translation>HRESULT：%1</translation>
    </message>
    <message numerus="yes">
        <source>Reported %Ln time(s), first at %1, last at %2</source>
        <translation>
            <numerusform>已报告 %Ln 次，首次于 %1，最近于 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Reported at %1</source>
        <translation>报告于 %1</translation>
    </message>
</context>
</TS>

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
        <source>&amp;Details &gt;&gt;</source>
        <translation>详细信息(&amp;D) &gt;&gt;</translation>
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

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Send/Receive Workbench</source>
        <translation>关于 Send/Receive Workbench</translation>
    </message>
    <message>
        <source>Send/Receive Workbench %1</source>
        <translation>Send/Receive Workbench %1</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1、PySide6 %2、Python %3</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>日志：%1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置文件：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
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
    <name>AccountsDialog</name>
    <message>
        <source>Account Settings</source>
        <translation>帐户设置</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>帐户</translation>
    </message>
    <message>
        <source>&amp;Accounts, in the order the window lists them:</source>
        <translation>帐户(&amp;A)，按窗口中列出的顺序：</translation>
    </message>
    <message>
        <source>New &amp;IMAP/SMTP Account…</source>
        <translation>新建 IMAP/SMTP 帐户(&amp;I)…</translation>
    </message>
    <message>
        <source>New &amp;Other Account…</source>
        <translation>新建其他帐户(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>更改(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>删除帐户</translation>
    </message>
    <message>
        <source>Remove the account %1 from the profile?</source>
        <translation>从配置文件中删除帐户 %1？</translation>
    </message>
    <message>
        <source>This change would break the profile:</source>
        <translation>此更改会破坏配置文件：</translation>
    </message>
    <message>
        <source>The profile could not be written:</source>
        <translation>无法写入配置文件：</translation>
    </message>
    <message>
        <source>The profile was saved, but the password was not:</source>
        <translation>配置文件已保存，但密码未保存：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
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
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
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
    <name>Finding</name>
    <message>
        <source>Not responding: no progress for %1 s</source>
        <translation>无响应：已 %1 秒无进度</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task.</source>
        <translation>%1 秒后仍无结果(任务时间限制)；宿主程序已取消该任务。</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit): the provider was still loading (its module&apos;s import or its factory had not returned); the host cancelled the task.</source>
        <translation>%1 秒后仍无结果(任务时间限制)：提供程序仍在加载中(其模块的导入或其工厂函数尚未返回)；宿主程序已取消该任务。</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task. Meanwhile the whole host was held up for %2 s (a thread held Python&apos;s interpreter lock, the GIL, e.g. a provider in C code): this task may have been starved rather than slow.</source>
        <translation>%1 秒后仍无结果(任务时间限制)；宿主程序已取消该任务。在此期间整个宿主程序被阻塞了 %2 秒(某个线程占用了 Python 解释器锁 GIL，例如 C 代码中的提供程序)：此任务可能是得不到运行时间，而不是运行缓慢。</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task. Its process waited %2 s for a CPU while other work ran (given back, up to the limit again).</source>
        <translation>%1 秒后仍无结果(任务时间限制)；宿主程序已取消该任务。其他工作运行期间，其进程等待 CPU %2 秒(已补回，最多再补一个时间限制)。</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task. Meanwhile the whole host was held up for %2 s (a thread held Python&apos;s interpreter lock, the GIL, e.g. a provider in C code): this task may have been starved rather than slow. Its process waited %3 s for a CPU while other work ran (given back, up to the limit again).</source>
        <translation>%1 秒后仍无结果(任务时间限制)；宿主程序已取消该任务。在此期间整个宿主程序被阻塞了 %2 秒(某个线程占用了 Python 解释器锁 GIL，例如 C 代码中的提供程序)：此任务可能是得不到运行时间，而不是运行缓慢。其他工作运行期间，其进程等待 CPU %3 秒(已补回，最多再补一个时间限制)。</translation>
    </message>
    <message>
        <source>The synchronization failed.</source>
        <translation>同步失败。</translation>
    </message>
    <message>
        <source>More than %1 distinct lines from this task: every further one is counted here.</source>
        <translation>此任务的不同行已超过 %1 行：之后的每一行都计入此处。</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(无说明)</translation>
    </message>
    <message>
        <source>SynchronizeInBackground raised %1</source>
        <translation>SynchronizeInBackground 引发了 %1</translation>
    </message>
    <message>
        <source>SynchronizeInBackground returned %1</source>
        <translation>SynchronizeInBackground 返回了 %1</translation>
    </message>
    <message>
        <source>The provider&apos;s thread %1 raised %2</source>
        <translation>提供程序的线程 %1 引发了 %2</translation>
    </message>
    <message>
        <source>The provider&apos;s thread ended without reporting a result (no Done).</source>
        <translation>提供程序的线程已结束，但未报告结果(没有 Done)。</translation>
    </message>
    <message>
        <source>The provider ended without reporting a result (no Done).</source>
        <translation>提供程序已结束，但未报告结果(没有 Done)。</translation>
    </message>
    <message>
        <source>The provider returned without reporting a result (no Done).</source>
        <translation>提供程序已返回，但未报告结果(没有 Done)。</translation>
    </message>
    <message>
        <source>The provider did not stop within %1 s of Cancel; its process was stopped.</source>
        <translation>取消后 %1 秒内提供程序未停止；已停止其进程。</translation>
    </message>
    <message>
        <source>The provider did not stop within %1 s of Cancel; it was abandoned and its thread left to end on its own.</source>
        <translation>取消后 %1 秒内提供程序未停止；已放弃该提供程序，其线程将自行结束。</translation>
    </message>
    <message>
        <source>The host could not call the provider.</source>
        <translation>宿主程序无法调用提供程序。</translation>
    </message>
    <message>
        <source>Cannot create the local store %1: %2</source>
        <translation>无法创建本地存储 %1：%2</translation>
    </message>
    <message>
        <source>Cannot load provider %1: %2</source>
        <translation>无法加载提供程序 %1：%2</translation>
    </message>
    <message>
        <source>Reading phSyncDoneEvent raised %1</source>
        <translation>读取 phSyncDoneEvent 时引发了 %1</translation>
    </message>
    <message>
        <source>The provider&apos;s done event is not an event.</source>
        <translation>提供程序的完成事件不是事件对象。</translation>
    </message>
    <message>
        <source>killed: memory limit: SynchronizeInBackground raised MemoryError at the account&apos;s limit of %1 MB (memory_limit_mb)</source>
        <translation>已终止：内存限制：SynchronizeInBackground 在帐户的 %1 MB 限制处引发了 MemoryError (memory_limit_mb)</translation>
    </message>
    <message>
        <source>provider spec %1 must look like module:attr or file.py:attr</source>
        <translation>提供程序说明 %1 的格式必须为 模块:属性 或 文件.py:属性</translation>
    </message>
    <message>
        <source>%1 has no attribute %2 (it has: %3)</source>
        <translation>%1 没有属性 %2(现有：%3)</translation>
    </message>
    <message>
        <source>%1 has no attribute %2 (it has: nothing)</source>
        <translation>%1 没有属性 %2(现有：无)</translation>
    </message>
    <message>
        <source>%1 is a %2, not a provider: it has no SynchronizeInBackground and cannot be called to make one</source>
        <translation>%1 是 %2，不是提供程序：它没有 SynchronizeInBackground，也无法调用它来创建提供程序</translation>
    </message>
    <message>
        <source>%1 rejected the account&apos;s settings: %2</source>
        <translation>%1 拒绝了帐户的设置：%2</translation>
    </message>
    <message>
        <source>%1 raised while being created: %2</source>
        <translation>%1 在创建时引发了异常：%2</translation>
    </message>
    <message>
        <source>%1 made a %2 that has no SynchronizeInBackground method</source>
        <translation>%1 创建的 %2 没有 SynchronizeInBackground 方法</translation>
    </message>
    <message>
        <source>no provider named %1; %2 (or give module:attr or path/to/file.py:attr)</source>
        <translation>没有名为 %1 的提供程序；%2(或指定 模块:属性 或 路径/文件.py:属性)</translation>
    </message>
    <message>
        <source>did you mean %1?</source>
        <translation>您是否是指 %1？</translation>
    </message>
    <message>
        <source>did you mean %1 or %2?</source>
        <translation>您是否是指 %1 或 %2？</translation>
    </message>
    <message>
        <source>installed: %1</source>
        <translation>已安装：%1</translation>
    </message>
    <message>
        <source>installed: none</source>
        <translation>已安装：无</translation>
    </message>
    <message>
        <source>provider %1 (%2) failed to load: %3</source>
        <translation>提供程序 %1 (%2) 加载失败：%3</translation>
    </message>
    <message>
        <source>cannot import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>importing %1 raised %2</source>
        <translation>导入 %1 时引发了 %2</translation>
    </message>
    <message>
        <source>cannot read provider file %1: %2</source>
        <translation>无法读取提供程序文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Python module</source>
        <translation>%1 不是 Python 模块</translation>
    </message>
    <message>
        <source>it called sys.exit(%1)</source>
        <translation>它调用了 sys.exit(%1)</translation>
    </message>
    <message>
        <source>Cannot start the provider&apos;s process: %1</source>
        <translation>无法启动提供程序的进程：%1</translation>
    </message>
    <message>
        <source>The provider&apos;s process died: %1 %2.</source>
        <translation>提供程序的进程意外终止：%1，%2。</translation>
    </message>
    <message>
        <source>The provider&apos;s process broke the host&apos;s protocol (%1) %2.</source>
        <translation>提供程序的进程违反了宿主程序的协议(%1)，%2。</translation>
    </message>
    <message>
        <source>%1 Its last output: %2</source>
        <translation>%1其最后的输出：%2</translation>
    </message>
    <message>
        <source>its end is unknown (the fork server ended)</source>
        <translation>结束原因未知(fork 服务器已结束)</translation>
    </message>
    <message>
        <source>The provider&apos;s process replaced itself with another program (exec of %1), so it was ended %2.</source>
        <translation>提供程序的进程将自身替换为另一个程序（exec %1），因此已被终止，%2。</translation>
    </message>
    <message>
        <source>The provider&apos;s process left %1 process(es) behind, killed with it: %2.</source>
        <translation>提供程序的进程遗留了 %1 个进程，已随其一并终止：%2。</translation>
    </message>
    <message>
        <source>The provider&apos;s process ignored SIGTERM; it was killed (SIGKILL).</source>
        <translation>提供程序的进程忽略了 SIGTERM；已被强制终止（SIGKILL）。</translation>
    </message>
    <message>
        <source>The provider&apos;s process had been stopped (SIGSTOP or the like): it did not run until the host ended it.</source>
        <translation>提供程序的进程已被暂停（SIGSTOP 或类似信号）：在主机将其终止之前未再运行。</translation>
    </message>
    <message>
        <source>cannot start the program %1: %2</source>
        <translation>无法启动程序 %1：%2</translation>
    </message>
    <message>
        <source>The program broke the provider protocol at line %1 of its output: %2</source>
        <translation>程序在其输出的第 %1 行违反了提供程序协议：%2</translation>
    </message>
    <message>
        <source>The program ended without Done: %1 %2.</source>
        <translation>程序未调用 Done 就结束了：%1，%2。</translation>
    </message>
    <message>
        <source>after it returned in background style</source>
        <translation>在以后台方式返回之后</translation>
    </message>
    <message>
        <source>it closed its output but had not exited %1 s later, and was killed</source>
        <translation>它关闭了输出，但 %1 秒后仍未退出，已被终止</translation>
    </message>
    <message>
        <source>exit code %1 (the host&apos;s side of the process failed)</source>
        <translation>退出代码 %1(进程中宿主程序一方出错)</translation>
    </message>
    <message>
        <source>exit code %1 (the provider closed its process&apos;s socket to the app)</source>
        <translation>退出代码 %1(提供程序关闭了其进程通往应用程序的套接字)</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出代码 %1</translation>
    </message>
    <message>
        <source>killed: CPU time limit (%1 s, cpu_seconds)</source>
        <translation>已终止：CPU 时间限制(%1 秒，cpu_seconds)</translation>
    </message>
    <message>
        <source>killed: memory limit (%1 MB, memory_limit_mb)</source>
        <translation>已终止：内存限制(%1 MB，memory_limit_mb)</translation>
    </message>
    <message>
        <source>killed: thread limit (%1 threads, threads)</source>
        <translation>已终止：线程限制(%1 个线程，threads)</translation>
    </message>
    <message>
        <source>killed: open files limit (%1 files, open_files)</source>
        <translation>已终止：打开文件数限制(%1 个文件，open_files)</translation>
    </message>
    <message>
        <source>signal %1 (%2)</source>
        <translation>信号 %1 (%2)</translation>
    </message>
    <message>
        <source>signal %1 (unknown signal)</source>
        <translation>信号 %1(未知信号)</translation>
    </message>
    <message>
        <source>while loading the provider</source>
        <translation>发生在加载提供程序时</translation>
    </message>
    <message>
        <source>in SynchronizeInBackground</source>
        <translation>发生在 SynchronizeInBackground 中</translation>
    </message>
    <message>
        <source>after Done</source>
        <translation>发生在 Done 之后</translation>
    </message>
    <message>
        <source>after SynchronizeInBackground returned (in the provider&apos;s own threads)</source>
        <translation>发生在 SynchronizeInBackground 返回之后(在提供程序自己的线程中)</translation>
    </message>
    <message>
        <source>pwcszProgress must be a str or None, got %1 %2; the step text was kept</source>
        <translation>pwcszProgress 必须是 str 或 None，收到的是 %1 %2；已保留步骤文本</translation>
    </message>
    <message>
        <source>%1: %2 must be an int, got %3; position kept</source>
        <translation>%1：%2 必须是 int，收到的是 %3；已保留位置</translation>
    </message>
    <message>
        <source>%1: %2 must be a ULONG (0 … 4294967295); position kept</source>
        <translation>%1：%2 必须是 ULONG (0 … 4294967295)；已保留位置</translation>
    </message>
    <message>
        <source>%1: ulIndex &gt; ulIndexMax; clamped to ulIndexMax</source>
        <translation>%1：ulIndex &gt; ulIndexMax；已限制为 ulIndexMax</translation>
    </message>
    <message>
        <source>Error&apos;s hResult must be a 32-bit int HRESULT, got %1; the message was: &apos;%2&apos;</source>
        <translation>Error 的 hResult 必须是 32 位 int HRESULT，收到的是 %1；消息为：“%2”</translation>
    </message>
    <message>
        <source>pwcszErrorStr must be a str, got %1 %2</source>
        <translation>pwcszErrorStr 必须是 str，收到的是 %1 %2</translation>
    </message>
    <message>
        <source>hThreadDoneEvent must be a threading.Event or None, got %1</source>
        <translation>hThreadDoneEvent 必须是 threading.Event 或 None，收到的是 %1</translation>
    </message>
    <message>
        <source>Done&apos;s hResult must be a 32-bit int HRESULT, got %1; the task is failed with %2</source>
        <translation>Done 的 hResult 必须是 32 位 int HRESULT，收到的是 %1；任务以 %2 失败</translation>
    </message>
    <message>
        <source>QueryInterface&apos;s riid must be a uuid.UUID, got %1 %2; it answered E_INVALIDARG</source>
        <translation>QueryInterface 的 riid 必须是 uuid.UUID，收到的是 %1 %2；已答复 E_INVALIDARG</translation>
    </message>
    <message>
        <source>%1(%2) was called after the task ended; ignored</source>
        <translation>任务结束后调用了 %1(%2)；已忽略</translation>
    </message>
    <message>
        <source>SynchronizeInBackground must return an HRESULT int, got %1; taken as S_OK</source>
        <translation>SynchronizeInBackground 必须返回 HRESULT int，收到的是 %1；按 S_OK 处理</translation>
    </message>
    <message>
        <source>returned %1 after Done reported success</source>
        <translation>在 Done 报告成功后返回了 %1</translation>
    </message>
    <message>
        <source>psibpb.phSyncDoneEvent was replaced by %1; the event belongs in psibpb.phSyncDoneEvent.value</source>
        <translation>psibpb.phSyncDoneEvent 被替换为 %1；事件应放在 psibpb.phSyncDoneEvent.value 中</translation>
    </message>
    <message>
        <source>phSyncDoneEvent must hold a threading.Event, got %1</source>
        <translation>phSyncDoneEvent 必须包含 threading.Event，收到的是 %1</translation>
    </message>
    <message>
        <source>the provider&apos;s thread %1 ended</source>
        <translation>提供程序的线程 %1 已结束</translation>
    </message>
    <message>
        <source>no thread of the provider holds its callback any more</source>
        <translation>提供程序已没有任何线程持有其回调</translation>
    </message>
    <message>
        <source>the provider signalled phSyncDoneEvent and had not called Done %1 s later</source>
        <translation>提供程序已设置 phSyncDoneEvent，%1 秒后仍未调用 Done</translation>
    </message>
    <message>
        <source>Done came %1 s after phSyncDoneEvent was set, when the task had already ended for want of it; ignored</source>
        <translation>Done 在 phSyncDoneEvent 设置后 %1 秒才到来，此时任务已因缺少 Done 而结束；已忽略</translation>
    </message>
    <message>
        <source>SynchronizeInBackground returned success without calling Done and without filling phSyncDoneEvent (background style)</source>
        <translation>SynchronizeInBackground 返回成功，但既未调用 Done，也未填写 phSyncDoneEvent(后台方式)</translation>
    </message>
    <message>
        <source>SynchronizeInBackground had not returned %1 s after the task ended</source>
        <translation>任务结束 %1 秒后 SynchronizeInBackground 仍未返回</translation>
    </message>
    <message>
        <source>phSyncDoneEvent was not set %1 s after Done</source>
        <translation>Done 之后 %1 秒 phSyncDoneEvent 仍未设置</translation>
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
    <name>LogViewer</name>
    <message>
        <source>Log — %1</source>
        <translation>日志 — %1</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Nothing has been logged yet.</source>
        <translation>尚未记录任何内容。</translation>
    </message>
    <message>
        <source>The log cannot be read: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
</context>
<context>
    <name>MailAccountEditor</name>
    <message>
        <source>Change IMAP/SMTP Account</source>
        <translation>更改 IMAP/SMTP 帐户</translation>
    </message>
    <message>
        <source>New IMAP/SMTP Account</source>
        <translation>新建 IMAP/SMTP 帐户</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>Incoming mail (IMAP)</source>
        <translation>接收邮件 (IMAP)</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>发送邮件 (SMTP)</translation>
    </message>
    <message>
        <source>Security warning</source>
        <translation>安全警告</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>帐户名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>帐户名称</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>电子邮件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>电子邮件地址</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring, not in the profile.</source>
        <translation>密码保存在系统密钥环中，而不是配置文件中。</translation>
    </message>
    <message>
        <source>account name</source>
        <translation>帐户名称</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>incoming server</source>
        <translation>接收服务器</translation>
    </message>
    <message>
        <source>outgoing server</source>
        <translation>发送服务器</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Please fill in: %1.</source>
        <translation>请填写：%1。</translation>
    </message>
    <message>
        <source>The incoming server is not encrypted: your password and mail cross the network readable by anyone on the way.</source>
        <translation>接收服务器未加密：您的密码和邮件以明文在网络上传输，途中任何人都能读取。</translation>
    </message>
    <message>
        <source>The outgoing server is not encrypted: your password and mail cross the network readable by anyone on the way.</source>
        <translation>发送服务器未加密：您的密码和邮件以明文在网络上传输，途中任何人都能读取。</translation>
    </message>
    <message>
        <source>The incoming server&apos;s certificate is not checked: anyone on the way can pose as the server and read your password.</source>
        <translation>未检查接收服务器的证书：途中任何人都可以冒充服务器并读取您的密码。</translation>
    </message>
    <message>
        <source>The outgoing server&apos;s certificate is not checked: anyone on the way can pose as the server and read your password.</source>
        <translation>未检查发送服务器的证书：途中任何人都可以冒充服务器并读取您的密码。</translation>
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
        <source>This profile has no account yet: add one with Tools ▸ Account Settings.</source>
        <translation>此配置文件还没有帐户：请通过“工具 ▸ 帐户设置”添加一个。</translation>
    </message>
    <message>
        <source>Press F9 to Send/Receive all accounts. Add or change accounts with Tools ▸ Account Settings.</source>
        <translation>按 F9 对所有帐户进行发送/接收。可通过“工具 ▸ 帐户设置”添加或更改帐户。</translation>
    </message>
    <message>
        <source>Welcome! Your own profile was made from the demo. Its accounts are pretend ones to try: press F9 to Send/Receive them. Add your own account with Tools ▸ Account Settings.</source>
        <translation>欢迎！已根据演示创建您自己的配置文件。其中的帐户仅供试用：按 F9 对它们进行发送/接收。可通过“工具 ▸ 帐户设置”添加您自己的帐户。</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>首次启动</translation>
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
        <source>&amp;Retry Failed Tasks</source>
        <translation>重试失败的任务(&amp;R)</translation>
    </message>
    <message>
        <source>Run the last Send/Receive&apos;s failed and cancelled tasks again</source>
        <translation>再次运行上次发送/接收中失败和取消的任务</translation>
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
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Account Settings…</source>
        <translation>帐户设置(&amp;A)…</translation>
    </message>
    <message>
        <source>Only a profile file has accounts to edit</source>
        <translation>只有配置文件才有可编辑的帐户</translation>
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
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Send/Receive Workbench</source>
        <translation>关于 Send/Receive Workbench(&amp;A)</translation>
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
    <name>MessageListModel</name>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>已转发</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>A link, not followed</source>
        <translation>链接，未跟随</translation>
    </message>
    <message>
        <source>Not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <source>Moved or deleted since listed</source>
        <translation>列出后已被移动或删除</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Header section too large</source>
        <translation>邮件头过大</translation>
    </message>
    <message>
        <source>This message has no plain text</source>
        <translation>此邮件没有纯文本部分</translation>
    </message>
    <message>
        <source>Only the start is shown</source>
        <translation>仅显示开头部分</translation>
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
        <source>From account</source>
        <translation>发件帐户</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>抄送(&amp;C)：</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>主题(&amp;B)：</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>No account of this profile sends mail, so the message cannot be queued. Add one with Tools ▸ Account Settings.</source>
        <translation>此配置文件中没有可发送邮件的帐户，因此无法将邮件放入队列。请通过“工具 ▸ 帐户设置”添加一个。</translation>
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
        <source>Refused: %1 (not sent again until retried)</source>
        <translation>已拒绝：%1（重试之前不会再次发送）</translation>
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
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Send the selected refused messages again</source>
        <translation>再次发送所选的被拒绝邮件</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
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
    <name>ProfileChanged</name>
    <message>
        <source>Profile Changed</source>
        <translation>配置文件已更改</translation>
    </message>
    <message>
        <source>%1

Load the profile again from disk? What you changed here is not kept.</source>
        <translation>%1

从磁盘重新加载配置文件？您在此处所做的更改将不会保留。</translation>
    </message>
</context>
<context>
    <name>ProviderAccountEditor</name>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Change Account</source>
        <translation>更改帐户</translation>
    </message>
    <message>
        <source>New Account</source>
        <translation>新建帐户</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>帐户名称</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供程序</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>帐户名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>提供程序(&amp;P)：</translation>
    </message>
    <message>
        <source>This provider declares no settings.</source>
        <translation>此提供程序未声明任何设置。</translation>
    </message>
    <message>
        <source>Please fill in the account name and the provider.</source>
        <translation>请填写帐户名称和提供程序。</translation>
    </message>
</context>
<context>
    <name>Rule</name>
    <message>
        <source>in-call or background style</source>
        <translation>调用内或后台方式</translation>
    </message>
    <message>
        <source>what SynchronizeInBackground returns</source>
        <translation>SynchronizeInBackground 的返回值</translation>
    </message>
    <message>
        <source>Progress arguments</source>
        <translation>Progress 的参数</translation>
    </message>
    <message>
        <source>Done exactly once, nothing after it</source>
        <translation>Done 恰好一次，之后不再调用</translation>
    </message>
    <message>
        <source>argument types and ranges</source>
        <translation>参数类型和范围</translation>
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
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Runs the selected failed or cancelled tasks again</source>
        <translation>再次运行所选的失败或已取消的任务</translation>
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
        <source>R&amp;un:</source>
        <translation>运行(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Details &gt;&gt;</source>
        <translation>详细信息(&amp;D) &gt;&gt;</translation>
    </message>
    <message>
        <source>Cancelling %1</source>
        <translation>正在取消 %1</translation>
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
    <name>ServerFields</name>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation>无（未加密）</translation>
    </message>
    <message>
        <source>Check the server&apos;s &amp;certificate</source>
        <translation>检查服务器证书(&amp;C)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>安全性：</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全性</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
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
    <name>StoreOpener</name>
    <message>
        <source>&amp;Store</source>
        <translation>存储(&amp;S)</translation>
    </message>
    <message>
        <source>The mail in each account&apos;s store, the Outbox and Sent Items</source>
        <translation>每个帐户存储、发件箱和已发送邮件中的邮件</translation>
    </message>
    <message>
        <source>Open &amp;Store</source>
        <translation>打开存储(&amp;S)</translation>
    </message>
</context>
<context>
    <name>StoreWindow</name>
    <message>
        <source>Store</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Folder status</source>
        <translation>文件夹状态</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <source>Outbox and Sent Items</source>
        <translation>发件箱和已发送邮件</translation>
    </message>
    <message>
        <source>no mail folders yet</source>
        <translation>尚无邮件文件夹</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>超过 %1</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>请选择一个文件夹</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>正在读取文件夹…</translation>
    </message>
    <message>
        <source>The first %1 messages; the folder holds more</source>
        <translation>前 %1 封邮件；文件夹中还有更多</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln 封邮件</numerusform>
        </translation>
    </message>
    <message>
        <source>[%1]</source>
        <translation>[%1]</translation>
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
    <name>Violation</name>
    <message>
        <source>Progress text type</source>
        <translation>Progress 文本类型</translation>
    </message>
    <message>
        <source>Progress index type</source>
        <translation>Progress 索引类型</translation>
    </message>
    <message>
        <source>Progress index range</source>
        <translation>Progress 索引范围</translation>
    </message>
    <message>
        <source>Progress index beyond max</source>
        <translation>Progress 索引超过最大值</translation>
    </message>
    <message>
        <source>Error hResult type</source>
        <translation>Error 的 hResult 类型</translation>
    </message>
    <message>
        <source>Error text type</source>
        <translation>Error 文本类型</translation>
    </message>
    <message>
        <source>Done event type</source>
        <translation>Done 事件类型</translation>
    </message>
    <message>
        <source>Done hResult type</source>
        <translation>Done 的 hResult 类型</translation>
    </message>
    <message>
        <source>QueryInterface riid type</source>
        <translation>QueryInterface 的 riid 类型</translation>
    </message>
    <message>
        <source>Progress after Done</source>
        <translation>Done 之后调用 Progress</translation>
    </message>
    <message>
        <source>Error after Done</source>
        <translation>Done 之后调用 Error</translation>
    </message>
    <message>
        <source>Done called twice</source>
        <translation>Done 被调用两次</translation>
    </message>
    <message>
        <source>Done after the task ended</source>
        <translation>任务结束后调用 Done</translation>
    </message>
    <message>
        <source>return type</source>
        <translation>返回类型</translation>
    </message>
    <message>
        <source>raised after Done</source>
        <translation>Done 之后引发异常</translation>
    </message>
    <message>
        <source>return after Done</source>
        <translation>Done 之后的返回值</translation>
    </message>
    <message>
        <source>phSyncDoneEvent replaced</source>
        <translation>phSyncDoneEvent 被替换</translation>
    </message>
    <message>
        <source>phSyncDoneEvent type</source>
        <translation>phSyncDoneEvent 类型</translation>
    </message>
    <message>
        <source>thread ended without Done</source>
        <translation>线程结束但没有 Done</translation>
    </message>
    <message>
        <source>Done missing</source>
        <translation>缺少 Done</translation>
    </message>
    <message>
        <source>Done after the done event</source>
        <translation>Done 晚于完成事件</translation>
    </message>
    <message>
        <source>no return after Done</source>
        <translation>Done 之后未返回</translation>
    </message>
    <message>
        <source>done event never signalled</source>
        <translation>完成事件从未设置</translation>
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
        <source>%1: %2</source>
        <comment>error kind: message</comment>
        <translation>%1：%2</translation>
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
        <source>%1: %2: %3</source>
        <comment>contract violation: rule: what it concerns: the sentence</comment>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>Rule %1 (%2)</source>
        <comment>a contract rule: its number (its title)</comment>
        <translation>规则 %1(%2)</translation>
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One running model process with its standard streams as non-blocking pipes.
///
/// Spawned with `posix_spawnp` rather than through swift-subprocess because the worker that owns it needs what a
/// closure-scoped API does not give: raw descriptors to `poll` together with a wake-up pipe and deadlines, a
/// kill at any moment, and a restart in place. The child leads its own process group, so a model started
/// through a shell or with child processes of its own is stopped as a whole and cannot keep its stdout open
/// after a kill.
/// Owned by a single thread; not shared.
final class ChildProcess {
    let pid: pid_t
    /// Write end of the child's stdin; -1 once closed.
    private(set) var stdin: Int32
    /// Read end of the child's stdout; -1 once closed.
    private(set) var stdout: Int32
    /// Read end of the child's stderr; -1 once closed.
    private(set) var stderr: Int32
    /// The raw `waitpid` status once the child has been reaped.
    private(set) var exitStatus: Int32?

    private init(pid: pid_t, stdin: Int32, stdout: Int32, stderr: Int32) {
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
    }

    deinit {
        closeStdin()
        closeStdout()
        closeStderr()
        if exitStatus == nil {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }

    /// Starts `arguments[0]` (looked up on `PATH`) with the inherited environment plus `environment`.
    /// - Throws: ``ProcessModelError/cannotStart(command:reason:)`` when the command cannot be run.
    static func spawn(arguments: [String], workingDirectory: URL?, environment: [String: String])
        throws(ProcessModelError) -> ChildProcess
    {
        let command = arguments.joined(separator: " ")
        guard let executable = arguments.first, !executable.isEmpty else {
            throw .cannotStart(command: command, reason: "the command is empty")
        }
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var ends: [Int32] = [-1, -1]
            guard makePipe(&ends) == 0 else {
                let reason = String(cString: strerror(errno))
                pipes.flatMap { $0 }.forEach { _ = close($0) }
                throw .cannotStart(command: command, reason: "cannot create a pipe: \(reason)")
            }
            pipes.append(ends)
        }
        let (stdinRead, stdinWrite) = (pipes[0][0], pipes[0][1])
        let (stdoutRead, stdoutWrite) = (pipes[1][0], pipes[1][1])
        let (stderrRead, stderrWrite) = (pipes[2][0], pipes[2][1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinRead, 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutWrite, 1)
        posix_spawn_file_actions_adddup2(&actions, stderrWrite, 2)
        if let closeFrom = Self.addCloseFrom {
            // Descriptors opened elsewhere in Candor without close-on-exec must not leak into the model.
            _ = closeFrom(&actions, 3)
        }
        var arguments = arguments
        if let workingDirectory {
            if let addChdir = Self.addChdir {
                _ = addChdir(&actions, workingDirectory.path)
            } else {
                arguments = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", workingDirectory.path] + arguments
            }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Candor ignores SIGPIPE; the model should not inherit that, nor any blocked signals.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        for end in [stdinRead, stdoutWrite, stderrWrite] { _ = close(end) }
        guard result == 0 else {
            for end in [stdinWrite, stdoutRead, stderrRead] { _ = close(end) }
            let directory = workingDirectory.map { " in \($0.path)" } ?? ""
            throw .cannotStart(command: command, reason: "\(String(cString: strerror(result)))\(directory)")
        }
        for end in [stdinWrite, stdoutRead, stderrRead] {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        return ChildProcess(pid: pid, stdin: stdinWrite, stdout: stdoutRead, stderr: stderrRead)
    }

    // Looked up at run time: the C library has them (glibc 2.29 and 2.34 on), but its headers only declare them
    // for _GNU_SOURCE, which Swift's C module does not define.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>,
                                                 UnsafePointer<CChar>) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    private static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
    private static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    private static let pipe2: Pipe2? = symbol("pipe2")

    private static func symbol<Function>(_ name: String) -> Function? {
        #if os(Linux)
        let everywhere: UnsafeMutableRawPointer? = nil
        #else
        let everywhere = UnsafeMutableRawPointer(bitPattern: -2)
        #endif
        guard let address = dlsym(everywhere, name) else { return nil }
        return unsafeBitCast(address, to: Function.self)
    }

    /// A pipe whose ends are closed on exec, atomically where the C library allows it.
    static func makePipe(_ ends: inout [Int32]) -> Int32 {
        if let pipe2 {
            return pipe2(&ends, O_CLOEXEC)
        }
        guard pipe(&ends) == 0 else { return -1 }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return 0
    }

    func closeStdin() {
        if stdin >= 0 { _ = close(stdin) }
        stdin = -1
    }

    func closeStdout() {
        if stdout >= 0 { _ = close(stdout) }
        stdout = -1
    }

    func closeStderr() {
        if stderr >= 0 { _ = close(stderr) }
        stderr = -1
    }

    /// Sends `signal` to the child's whole process group.
    func send(_ signal: Int32) {
        guard exitStatus == nil else { return }
        _ = kill(-pid, signal)
    }

    /// Reaps the child if it has exited; true when it has.
    @discardableResult
    func reap() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
            exitStatus = status
            // Helpers the model started may still be running in its group.
            _ = kill(-pid, SIGKILL)
            return true
        }
        return false
    }

    /// Waits up to `seconds` for the child to exit by itself; true when it has.
    @discardableResult
    func waitForExit(upTo seconds: Double) -> Bool {
        let deadline = Monotonic.now() + seconds
        while !reap() {
            guard Monotonic.now() < deadline else { return false }
            usleep(2_000)
        }
        return true
    }

    /// Waits up to `seconds` for the child to exit by itself, then kills its group and reaps it.
    func stop(after seconds: Double) {
        waitForExit(upTo: seconds)
        if exitStatus == nil {
            _ = kill(-pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            exitStatus = status
        }
        closeStdin()
        closeStdout()
        closeStderr()
    }

    /// How the child ended, in words: `exited with status 3`, `was killed by signal 9 (SIGKILL)`.
    var exitDescription: String {
        guard let status = exitStatus else { return "is still running" }
        let signal = status & 0x7f
        if signal == 0 {
            return "exited with status \((status >> 8) & 0xff)"
        }
        let names: [Int32: String] = [SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGSEGV: "SIGSEGV",
                                      SIGABRT: "SIGABRT", SIGPIPE: "SIGPIPE", SIGINT: "SIGINT", SIGBUS: "SIGBUS"]
        return "was killed by signal \(signal)" + (names[signal].map { " (\($0))" } ?? "")
    }
}

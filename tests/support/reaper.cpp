// Servers a test process started do not outlive it, however it ends.
//
// A test stops its servers from destructors and atexit handlers, which a crash, an abort, a
// qFatal or ctest's kill on a timeout never run: the servers stayed up, holding memory, ports
// and temporary directories, for every later run to trip over. So every test binary (this
// file is linked into each one through the support library, see tests/CMakeLists.txt) marks
// its environment with its own pid before main, and leaves a small watcher behind it, in a
// session of its own so that a kill of the test's process group spares it:
//
//   - what the test starts inherits the mark: pg_ctl, and the postgres it starts (runuser
//     keeps the environment), PgBouncer, the CLI and anything they start;
//   - the watcher holds the read end of a pipe whose write end only the test holds (close on
//     exec: no child of the test keeps it); the read returns when the test is gone, whatever
//     the way;
//   - then every process still carrying the mark is ended: a postmaster (it owns its data
//     directory's postmaster.pid) with SIGQUIT, its immediate shutdown, anything else with
//     SIGTERM; a sandbox directory under the temporary folder that held a postmaster is
//     removed once it is down.
//
// A test that stopped everything itself leaves the watcher nothing to do. The suite's shared
// sandbox (STATESCOPE_TEST_SANDBOX) is started unmarked when a test starts it (testserver.cpp):
// it is there for the tests after it. It is made before
// main, while the process has one thread, so the child may run ordinary code; it never
// returns into the test (_exit).
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

// Referenced from the link line (tests/CMakeLists.txt) so the linker keeps this file.
extern "C" {
int statescope_test_reaper_anchor = 0;
}

namespace {

constexpr const char *kMark = "STATESCOPE_TEST_OWNER";

std::string readFile(const std::string &path)
{
    std::string out;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return out;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        out.append(buf, size_t(n));
    }
    ::close(fd);
    return out;
}

// The NUL-separated fields of /proc/PID/environ or cmdline.
std::vector<std::string> fields(const std::string &text)
{
    std::vector<std::string> out;
    size_t at = 0;
    while (at < text.size()) {
        const size_t end = text.find('\0', at);
        out.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return out;
}

struct Marked
{
    pid_t pid = 0;
    std::string dataDir; // a postmaster's, else empty
};

std::vector<Marked> markedProcesses(const std::string &mark)
{
    std::vector<Marked> out;
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return out;
    while (const dirent *e = ::readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(e->d_name, &end, 10);
        if (pid <= 0 || *end != '\0' || pid == ::getpid())
            continue;
        const std::string base = std::string("/proc/") + e->d_name;
        bool marked = false;
        for (const std::string &var : fields(readFile(base + "/environ")))
            marked = marked || var == mark;
        if (!marked)
            continue;
        Marked m;
        m.pid = pid_t(pid);
        // postgres -D DIR ...: a postmaster when DIR/postmaster.pid names this pid.
        const std::vector<std::string> argv = fields(readFile(base + "/cmdline"));
        for (size_t i = 0; i + 1 < argv.size(); ++i)
            if (argv[i] == "-D") {
                const std::string pidFile = readFile(argv[i + 1] + "/postmaster.pid");
                if (std::strtol(pidFile.c_str(), nullptr, 10) == pid)
                    m.dataDir = argv[i + 1];
            }
        out.push_back(m);
    }
    ::closedir(proc);
    return out;
}

int removeEntry(const char *path, const struct stat *, int, struct FTW *)
{
    ::remove(path);
    return 0;
}

// Running: in the process table and not a zombie its parent has yet to reap.
bool alive(pid_t pid)
{
    const std::string stat = readFile("/proc/" + std::to_string(pid) + "/stat");
    const size_t at = stat.rfind(')');
    return at != std::string::npos && at + 2 < stat.size() && stat[at + 2] != 'Z' && stat[at + 2] != 'X';
}

[[noreturn]] void watch(int readEnd, pid_t owner)
{
    // Nothing of the test's: no terminal, no output pipe ctest would wait on.
    const int null = ::open("/dev/null", O_RDWR);
    if (null >= 0) {
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(null, 2);
    }
    char byte;
    for (;;) { // until the end of file: the test is gone
        const ssize_t n = ::read(readEnd, &byte, 1);
        if (n == 0)
            break;
        if (n < 0 && errno != EINTR)
            ::_exit(0); // not knowing, nothing is ended
    }
    const std::string mark = std::string(kMark) + "=" + std::to_string(owner);
    std::string temp = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
    while (temp.size() > 1 && temp.back() == '/')
        temp.pop_back();
    std::vector<std::string> dirs;
    for (const Marked &m : markedProcesses(mark)) {
        ::kill(m.pid, m.dataDir.empty() ? SIGTERM : SIGQUIT);
        if (!m.dataDir.empty()) {
            for (int i = 0; i < 300 && alive(m.pid); ++i) // 30 s at most
                ::usleep(100 * 1000);
            // The sandbox holding data/ when it is a temporary one of the test's.
            const std::string box = m.dataDir.substr(0, m.dataDir.find_last_of('/'));
            if (!alive(m.pid) && box.size() > temp.size() + 1 && box.compare(0, temp.size() + 1, temp + "/") == 0
                && box.find("/..") == std::string::npos)
                dirs.push_back(box);
        }
    }
    for (const std::string &dir : dirs)
        ::nftw(dir.c_str(), removeEntry, 16, FTW_DEPTH | FTW_PHYS);
    ::_exit(0);
}

struct Reaper
{
    Reaper()
    {
        const pid_t owner = ::getpid();
        ::setenv(kMark, std::to_string(owner).c_str(), 1);
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return;
        const pid_t child = ::fork();
        if (child == 0) {
            ::close(fds[1]);
            ::setsid();
            watch(fds[0], owner);
        }
        ::close(fds[0]); // the write end stays open, unused, until the process is gone
    }
};

const Reaper reaper;

} // namespace

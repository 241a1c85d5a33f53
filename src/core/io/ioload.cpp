// Finds the keychain and network code (io/ioapi.h): linked in (the window, the tests), or
// libstatescope-io.so loaded on the first call (the command line).
#include "core/io/ioapi.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#include <mutex>

// Defined by iomodule.cpp where it is linked in; null otherwise (a weak reference).
extern "C" const statescope::io::Api *statescope_io_api() __attribute__((weak));

namespace statescope::io {

namespace {

struct Loaded
{
    const Api *api = nullptr;
    QString error;
};

Loaded load()
{
    // Next to the program (the build tree), then where it was installed beside it
    // (bin/../lib/<triplet>/statescope).
    const QString here = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
    const QStringList places = {here, QDir::cleanPath(here + QLatin1Char('/') + QStringLiteral(STATESCOPE_IO_MODULE_RELDIR))};
    QStringList tried;
    for (const QString &dir : places) {
        const QString path = QDir(dir).filePath(QLatin1String(kModuleName));
        if (!QFileInfo::exists(path)) {
            tried << path;
            continue;
        }
        QLibrary library(path);
        using Entry = const Api *(*)();
        const auto entry = reinterpret_cast<Entry>(library.resolve(kEntryPoint));
        if (!entry)
            return {nullptr, QCoreApplication::translate("statescope::io", "%1 could not be loaded: %2")
                                 .arg(path, library.errorString())};
        const Api *a = entry();
        if (!a || a->version != kVersion)
            return {nullptr, QCoreApplication::translate("statescope::io", "%1 is of another version of Statescope.")
                                 .arg(path)};
        return {a, {}}; // never unloaded: the library stays loaded for the process
    }
    return {nullptr, QCoreApplication::translate("statescope::io",
                                                 "The keychain and network module was not found (looked for %1); "
                                                 "reinstall Statescope.")
                         .arg(tried.join(QLatin1String(", ")))};
}

} // namespace

const Api *api(QString *why)
{
    if (statescope_io_api)
        return statescope_io_api();
    static std::once_flag once;
    static Loaded loaded;
    std::call_once(once, [] { loaded = load(); });
    if (!loaded.api && why)
        *why = loaded.error;
    return loaded.api;
}

} // namespace statescope::io

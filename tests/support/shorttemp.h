#pragma once
// A QTemporaryDir template for a directory that holds a server's socket: short (a Unix
// socket's path has 107 bytes at most), so /tmp rather than a long TMPDIR; but TMPDIR when it
// is short, so that a run that sets it (test_slots, whose `-functions` exits without
// destroying the test object and its members) keeps the directory out of /tmp.
#include <QDir>
#include <QString>

namespace statescope::test {

inline QString shortTempTemplate(const QString &prefix)
{
    const QString base = QDir::tempPath();
    return (base.size() <= 60 ? base : QStringLiteral("/tmp")) + QLatin1Char('/') + prefix + QStringLiteral("-XXXXXX");
}

} // namespace statescope::test

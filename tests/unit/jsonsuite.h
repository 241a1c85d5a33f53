#pragma once

// The JSONTestSuite copy in tests/data (MIT): where it is, and what PostgreSQL's jsonb
// made of each file (postgresql15_results.tsv).
#include <QFile>
#include <QHash>
#include <QString>

namespace statescope::test {

inline QString jsonSuiteDir()
{
    return QStringLiteral(STATESCOPE_JSON_SUITE);
}

// file name -> jsonb_ok ("yes"/"no") from postgresql15_results.tsv
inline QHash<QString, QString> jsonbAccepts()
{
    QHash<QString, QString> map;
    QFile f(jsonSuiteDir() + QStringLiteral("/postgresql15_results.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        return map;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cols = lines[i].split('\t');
        if (cols.size() >= 3)
            map.insert(QString::fromUtf8(cols[0]), QString::fromUtf8(cols[2]));
    }
    return map;
}

} // namespace statescope::test

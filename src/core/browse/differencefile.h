#pragma once

#include "core/browse/datacompare.h"

#include <QCoreApplication>
#include "core/partialfile.h"

#include <QFile>

#include <nlohmann/json.hpp>

namespace statescope::browse {

// The differences of a data compare, written to a file as they stream:
//   CSV         change, the key columns, then each compared column's "(from)" and "(to)"
//   JSON lines  {"change", "key": {...}, "from": {...}, "to": {...}, "changed": [...]}
// Written under FILE.partial and renamed by commit(): a cancelled or failed run (or one that
// never commits) leaves no file, and an existing FILE is only replaced at the end.
class DifferenceFile
{
    Q_DECLARE_TR_FUNCTIONS(statescope::browse::DifferenceFile)
public:
    enum class Format { Csv, JsonLines };

    // Environment when the file cannot be written.
    DifferenceFile(const QString &path, Format format, const DataCompare::Plan &plan);
    ~DifferenceFile();
    DifferenceFile(const DifferenceFile &) = delete;
    DifferenceFile &operator=(const DifferenceFile &) = delete;

    // False when the write failed (a full disk): stop the compare, do not commit.
    bool write(const RowDifference &difference);
    // Renames FILE.partial to FILE. Environment when that fails.
    void commit();
    qint64 written() const { return m_written; }

    // One difference as the JSON lines hold it (text values as the server printed them;
    // invalid UTF-8 is replaced when dumped).
    static nlohmann::json toJson(const DataCompare::Plan &plan, const RowDifference &difference);
    // The format a file name asks for: .jsonl/.ndjson JSON lines, anything else CSV.
    static Format formatFor(const QString &path);

private:
    QString m_path;
    Format m_format;
    const DataCompare::Plan &m_plan;
    PartialFile m_partial;
    QFile &m_file;
    qint64 m_written = 0;
    bool m_committed = false;
};

} // namespace statescope::browse

#include "core/browse/differencefile.h"

#include "core/error.h"
#include "core/format.h"

#include <QDir>

namespace statescope::browse {

namespace {

nlohmann::json values(const QStringList &columns, const std::vector<std::optional<QByteArray>> &row)
{
    nlohmann::json o = nlohmann::json::object();
    for (size_t c = 0; c < row.size() && c < size_t(columns.size()); ++c)
        o[columns[qsizetype(c)].toStdString()] = row[c] ? nlohmann::json(row[c]->toStdString()) : nlohmann::json();
    return o;
}

} // namespace

DifferenceFile::DifferenceFile(const QString &path, Format format, const DataCompare::Plan &plan)
    : m_path(path), m_format(format), m_plan(plan), m_partial(path), m_file(m_partial.file())
{
    if (format != Format::Csv)
        return;
    QList<QByteArray> header{QByteArrayLiteral("change")};
    for (const QString &k : plan.key)
        header << format::csvField(k);
    for (const QString &c : plan.columns)
        header << format::csvField(c + QStringLiteral(" (from)")) << format::csvField(c + QStringLiteral(" (to)"));
    m_file.write(header.join(',') + '\n');
}

DifferenceFile::~DifferenceFile() = default; // an uncommitted file is removed by PartialFile

bool DifferenceFile::write(const RowDifference &d)
{
    QByteArray line;
    if (m_format == Format::JsonLines) {
        line = QByteArray::fromStdString(toJson(m_plan, d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else {
        QList<QByteArray> fields{RowDifference::typeName(d.type).toUtf8()};
        for (const QByteArray &k : d.key)
            fields << format::csvField(QByteArrayView(k));
        for (size_t c = 0; c < size_t(m_plan.columns.size()); ++c) {
            fields << (c < d.from.size() && d.from[c] ? format::csvField(QByteArrayView(*d.from[c])) : QByteArray());
            fields << (c < d.to.size() && d.to[c] ? format::csvField(QByteArrayView(*d.to[c])) : QByteArray());
        }
        line = fields.join(',');
    }
    ++m_written;
    return m_file.write(line + '\n') == line.size() + 1;
}

void DifferenceFile::commit()
{
    m_partial.commit();
    m_committed = true;
}

nlohmann::json DifferenceFile::toJson(const DataCompare::Plan &plan, const RowDifference &d)
{
    nlohmann::json key = nlohmann::json::object();
    for (size_t k = 0; k < d.key.size() && k < size_t(plan.key.size()); ++k)
        key[plan.key[qsizetype(k)].toStdString()] = d.key[k].toStdString();
    nlohmann::json j = {{"change", RowDifference::typeName(d.type).toStdString()}, {"key", key}};
    if (!d.from.empty())
        j["from"] = values(plan.columns, d.from);
    if (!d.to.empty())
        j["to"] = values(plan.columns, d.to);
    if (d.type == RowDifference::Type::Changed) {
        nlohmann::json changed = nlohmann::json::array();
        for (int c : d.changed)
            changed.push_back(plan.columns.value(c).toStdString());
        j["changed"] = changed;
    }
    return j;
}

DifferenceFile::Format DifferenceFile::formatFor(const QString &path)
{
    return path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
                   || path.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive)
               ? Format::JsonLines
               : Format::Csv;
}

} // namespace statescope::browse

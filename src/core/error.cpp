#include "error.h"

namespace statescope {

Error::Error(Kind kind, QString message, QString detail, QString hint, QString sqlstate)
    : m_kind(kind), m_message(std::move(message)), m_detail(std::move(detail)),
      m_hint(std::move(hint)), m_sqlstate(std::move(sqlstate))
{
    m_what = oneLine().toStdString();
}

QString Error::oneLine() const
{
    QString line = m_message.trimmed();
    if (!m_sqlstate.isEmpty())
        line += QStringLiteral(" (SQLSTATE %1)").arg(m_sqlstate);
    if (!m_detail.isEmpty())
        line += QStringLiteral(" ") + tr("Detail: %1").arg(m_detail.trimmed());
    if (!m_hint.isEmpty())
        line += QStringLiteral(" ") + tr("Hint: %1").arg(m_hint.trimmed());
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line;
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::InvalidInput: return QStringLiteral("invalid_input");
    case Kind::Connection: return QStringLiteral("connection");
    case Kind::Query: return QStringLiteral("query");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    case Kind::NotFound: return QStringLiteral("not_found");
    case Kind::Conflict: return QStringLiteral("conflict");
    case Kind::Environment: return QStringLiteral("environment");
    case Kind::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace statescope

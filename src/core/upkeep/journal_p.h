// Internal to the upkeep files: one run's lines in the local journal (intent, then done or
// failed, under one operation id), and its entry in the database's own audit log.
#pragma once

#include "core/audit/auditlog.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QUuid>

namespace statescope::upkeep::detail {

class RunJournal
{
    Q_DECLARE_TR_FUNCTIONS(statescope::upkeep::RunJournal)
public:
    RunJournal(QString action, QString target, QString reason)
        : m_action(std::move(action)), m_target(std::move(target)), m_reason(std::move(reason)),
          m_op(QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
    }

    // Continues (or closes) a run already in the journal, under its operation id.
    RunJournal(QString action, QString target, QString reason, QString op)
        : m_action(std::move(action)), m_target(std::move(target)), m_reason(std::move(reason)), m_op(std::move(op))
    {
    }

    // The server the run acts on (its name and system identifier), on every line: a killed
    // run is found again through any address of that server.
    void setServer(QString display, QString id)
    {
        m_server = std::move(display);
        m_serverId = std::move(id);
    }

    // Before anything changes: a journal that cannot be written stops the run.
    void intent(nlohmann::json details) { write("intent", std::move(details), true); }
    void phase(const char *phase, nlohmann::json details) { write(phase, std::move(details), false); }
    const QString &operationId() const { return m_op; }

    // Call inside the transaction that makes the change, so both commit or neither does.
    void audit(pg::Connection &conn, nlohmann::json details) const
    {
        if (audit::hasAuditTable(conn))
            audit::writeToDatabase(conn, {m_action, m_target, m_reason, std::move(details)});
    }

private:
    void write(const char *phase, nlohmann::json details, bool required)
    {
        audit::Entry e{m_action, m_target, m_reason, std::move(details)};
        e.op = m_op;
        e.phase = QLatin1String(phase);
        e.server = m_server;
        e.serverId = m_serverId;
        QString why;
        if (!audit::appendToJournal(e, &why) && required)
            throw Error(Error::Kind::Environment,
                        tr("The local audit journal could not be written; nothing was changed."), why);

    }

    QString m_action, m_target, m_reason, m_op, m_server, m_serverId;
};

} // namespace statescope::upkeep::detail

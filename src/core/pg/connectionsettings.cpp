#include "connectionsettings.h"

#include "core/error.h"

#include <libpq-fe.h>

#include <algorithm>

namespace statescope::pg {

namespace {

QString quoteValue(const QString &value)
{
    // Quoted unless every character stands for itself outside quotes: libpq ends an unquoted
    // value at any white space (a tab, a carriage return...), not only at a space.
    const bool plain = !value.isEmpty() && std::none_of(value.begin(), value.end(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\')
               || c == QLatin1Char('=');
    });
    if (plain)
        return value;
    QString out = QStringLiteral("'");
    for (QChar c : value) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('\'');
}

QString join(const std::map<QString, QString> &values, bool withPassword)
{
    QStringList parts;
    for (const auto &[key, value] : values) {
        if (!withPassword && key == QLatin1String("password"))
            continue;
        parts << key + QLatin1Char('=') + quoteValue(value);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

namespace {

// A pg_auto_failover formation's keys (pg/formation.h: monitor, formation, pooler_port), which
// libpq does not know: taken
// out of a key=value string before libpq reads the rest, with libpq's own quoting rules
// ('...' with \' and \\ inside; a bare value ends at white space).
std::map<QString, QString> takeFormationKeys(QString &text)
{
    std::map<QString, QString> taken;
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1String("postgresql://")) || t.startsWith(QLatin1String("postgres://")))
        return taken;
    QString rest;
    qsizetype i = 0;
    const qsizetype n = t.size();
    while (i < n) {
        const qsizetype start = i;
        while (i < n && t[i].isSpace())
            ++i;
        const qsizetype keyStart = i;
        while (i < n && t[i] != QLatin1Char('=') && !t[i].isSpace())
            ++i;
        const QString key = t.mid(keyStart, i - keyStart);
        while (i < n && t[i].isSpace())
            ++i;
        if (i >= n || t[i] != QLatin1Char('=')) { // not key=value: left for libpq to refuse
            rest += t.mid(start);
            break;
        }
        ++i;
        while (i < n && t[i].isSpace())
            ++i;
        QString value;
        if (i < n && t[i] == QLatin1Char('\'')) {
            ++i;
            while (i < n && t[i] != QLatin1Char('\'')) {
                if (t[i] == QLatin1Char('\\') && i + 1 < n)
                    ++i;
                value += t[i++];
            }
            ++i; // the closing quote (libpq refuses a missing one below, if it was ours)
        } else {
            while (i < n && !t[i].isSpace()) {
                if (t[i] == QLatin1Char('\\') && i + 1 < n)
                    ++i;
                value += t[i++];
            }
        }
        if (key == QLatin1String("monitor") || key == QLatin1String("formation") || key == QLatin1String("pooler_port"))
            taken[key] = value;
        else
            rest += t.mid(start, i - start);
    }
    if (!taken.empty())
        text = rest;
    return taken;
}

} // namespace

ConnectionSettings ConnectionSettings::parse(const QString &input)
{
    ConnectionSettings settings;
    // libpq reads a C string: a NUL would silently cut the text short.
    if (input.contains(QChar(0)))
        throw Error::invalidInput(tr("Invalid connection string: it contains a NUL character."));
    QString text = input;
    const std::map<QString, QString> formationKeys = takeFormationKeys(text);
    if (!formationKeys.empty()) {
        const QString monitor = formationKeys.count(QStringLiteral("monitor")) ? formationKeys.at(QStringLiteral("monitor")) : QString();
        if (monitor.trimmed().isEmpty())
            throw Error::invalidInput(tr("Invalid connection string: a formation needs its monitor (monitor='postgres://"
                                         "autoctl_node@host:port/pg_auto_failover')."));
        const ConnectionSettings m = parse(monitor); // the monitor's own string, checked as any
        if (!m.value(QStringLiteral("monitor")).isEmpty())
            throw Error::invalidInput(tr("Invalid connection string: a monitor's string cannot name another monitor."));
    }
    const QByteArray utf8 = text.trimmed().toUtf8();
    char *errmsg = nullptr;
    PQconninfoOption *options = PQconninfoParse(utf8.constData(), &errmsg);
    if (!options) {
        const QString why = errmsg ? QString::fromUtf8(errmsg).trimmed()
                                   : tr("out of memory while parsing");
        PQfreemem(errmsg);
        throw Error::invalidInput(tr("Invalid connection string: %1").arg(why),
                                  tr("Use key=value pairs (host=db1 dbname=postgres), a "
                                     "postgresql:// URI, or service=NAME."));
    }
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (o->val && *o->val)
            settings.m_values[QString::fromUtf8(o->keyword)] = QString::fromUtf8(o->val);
    }
    PQconninfoFree(options);
    if (!formationKeys.empty()) {
        for (const char *key : {"host", "hostaddr", "port"})
            if (!settings.value(QLatin1String(key)).isEmpty())
                throw Error::invalidInput(tr("Invalid connection string: it names a formation and %1 as well; the "
                                             "formation's monitor says where its nodes are.")
                                              .arg(QLatin1String(key)));
        for (const auto &[key, value] : formationKeys)
            settings.m_values[key] = value;
        if (settings.value(QStringLiteral("formation")).isEmpty())
            settings.m_values[QStringLiteral("formation")] = QStringLiteral("default");
        // The port of the PgBouncer on each node's host, reached instead of the node itself.
        if (settings.m_values.count(QStringLiteral("pooler_port"))) {
            const QString pooler = settings.value(QStringLiteral("pooler_port"));
            bool ok = false;
            const int n = pooler.trimmed().toInt(&ok);
            if (!ok || n < 1 || n > 65535)
                throw Error::invalidInput(tr("Invalid connection string: pooler_port \"%1\" is not a number from 1 to "
                                             "65535.")
                                              .arg(pooler));
        }
    }

    // libpq only checks numbers when it connects; say so now, before anything is tried.
    const QString port = settings.value(QStringLiteral("port"));
    for (const QString &p : port.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = p.trimmed().toInt(&ok);
        if (!ok || n < 1 || n > 65535)
            throw Error::invalidInput(tr("Invalid connection string: port \"%1\" is not a "
                                         "number from 1 to 65535.")
                                          .arg(p.trimmed()));
    }
    const QString timeout = settings.value(QStringLiteral("connect_timeout"));
    if (!timeout.isEmpty()) {
        bool ok = false;
        const int n = timeout.toInt(&ok);
        if (!ok || n < 0 || n > 86400)
            throw Error::invalidInput(tr("Invalid connection string: connect_timeout \"%1\" is "
                                         "not a number of seconds.")
                                          .arg(timeout));
    }
    return settings;
}

QString ConnectionSettings::value(const QString &key) const
{
    auto it = m_values.find(key);
    return it == m_values.end() ? QString() : it->second;
}

void ConnectionSettings::setValue(const QString &key, const QString &value)
{
    if (value.isEmpty())
        m_values.erase(key);
    else
        m_values[key] = value;
}

void ConnectionSettings::remove(const QString &key)
{
    m_values.erase(key);
}

ConnectionSettings ConnectionSettings::withDatabase(const QString &dbname) const
{
    ConnectionSettings copy = *this;
    copy.setValue(QStringLiteral("dbname"), dbname);
    return copy;
}

ConnectionSettings ConnectionSettings::withTransactionSetting(const QString &name, const QString &value) const
{
    ConnectionSettings copy = *this;
    if (value.isEmpty())
        copy.m_transactionSettings.erase(name);
    else
        copy.m_transactionSettings[name] = value;
    return copy;
}

void ConnectionSettings::setReadReplica(const ConnectionSettings &replica)
{
    ConnectionSettings copy = replica;
    copy.m_replica.reset();
    copy.remove(QStringLiteral("dbname"));
    m_replica = std::make_shared<const ConnectionSettings>(std::move(copy));
}

std::optional<ConnectionSettings> ConnectionSettings::readReplica() const
{
    if (!m_replica)
        return std::nullopt;
    // Everything the replica does not say is the primary's (user, password, TLS, ...):
    // "host=replica1" is enough.
    ConnectionSettings r = *this;
    r.m_replica.reset();
    for (const auto &[key, value] : m_replica->values())
        r.setValue(key, value);
    return r;
}

QString ConnectionSettings::conninfo() const
{
    return join(m_values, true);
}

QString ConnectionSettings::storableString() const
{
    const auto monitor = m_values.find(QStringLiteral("monitor"));
    if (monitor == m_values.end())
        return join(m_values, false);
    // The monitor's own password stays out too.
    std::map<QString, QString> values = m_values;
    values[QStringLiteral("monitor")] = parse(monitor->second).storableString();
    return join(values, false);
}

QString ConnectionSettings::displayName() const
{
    QString label;
    if (const QString formation = value(QStringLiteral("formation")); !formation.isEmpty()) {
        label = tr("formation %1").arg(formation);
        if (const QString db = database(); !db.isEmpty())
            label += QLatin1Char('/') + db;
        return label;
    }
    const QString service = value(QStringLiteral("service"));
    if (!service.isEmpty())
        label = QStringLiteral("service=%1 ").arg(service);
    const QString user = value(QStringLiteral("user"));
    QString host = value(QStringLiteral("host"));
    if (host.startsWith(QLatin1Char('/')))
        host = QStringLiteral("local");
    if (host.isEmpty())
        host = value(QStringLiteral("hostaddr"));
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    if (!user.isEmpty())
        label += user + QLatin1Char('@');
    label += host;
    const QString port = value(QStringLiteral("port"));
    if (!port.isEmpty())
        label += QLatin1Char(':') + port;
    const QString db = database();
    if (!db.isEmpty())
        label += QLatin1Char('/') + db;
    return label;
}

} // namespace statescope::pg

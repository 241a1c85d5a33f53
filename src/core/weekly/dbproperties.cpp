#include "core/weekly/dbproperties.h"

#include "core/error.h"
#include "core/pg/connection.h"

namespace statescope::weekly {

namespace {

// Settings whose value is a list of names, each quoted on its own (pg_dump's
// variable_is_guc_list_quote): "search_path=\"$user\", public" is SET search_path TO
// '$user', 'public', not the single string.
bool isListSetting(const QString &name)
{
    static const QStringList lists = {
        QStringLiteral("local_preload_libraries"), QStringLiteral("search_path"),
        QStringLiteral("session_preload_libraries"), QStringLiteral("shared_preload_libraries"),
        QStringLiteral("temp_tablespaces"), QStringLiteral("unix_socket_directories")};
    return lists.contains(name.toLower());
}

// The elements of a list setting as the server writes it: separated by commas, each
// optionally in double quotes (a doubled quote inside), blanks around ignored.
QStringList splitList(const QString &value)
{
    QStringList out;
    int i = 0;
    const int n = int(value.size());
    while (i < n) {
        while (i < n && value[i].isSpace())
            ++i;
        QString item;
        if (i < n && value[i] == QLatin1Char('"')) {
            ++i;
            while (i < n) {
                if (value[i] == QLatin1Char('"')) {
                    if (i + 1 < n && value[i + 1] == QLatin1Char('"')) {
                        item += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                item += value[i++];
            }
            while (i < n && value[i] != QLatin1Char(','))
                ++i;
        } else {
            while (i < n && value[i] != QLatin1Char(','))
                item += value[i++];
            item = item.trimmed();
        }
        out << item;
        if (i < n && value[i] == QLatin1Char(','))
            ++i;
    }
    return out;
}

QString setClause(const pg::Connection &conn, const QString &config)
{
    const int eq = int(config.indexOf(QLatin1Char('=')));
    const QString name = config.left(eq);
    const QString value = eq < 0 ? QString() : config.mid(eq + 1);
    QStringList values;
    if (isListSetting(name)) {
        for (const QString &v : splitList(value))
            values << conn.quoteLiteral(v);
    } else {
        values << conn.quoteLiteral(value);
    }
    // A setting's name (letters, digits, '_', and '.' between the parts of a custom one),
    // each part quoted all the same.
    QStringList parts;
    for (const QString &part : name.split(QLatin1Char('.')))
        parts << conn.quoteIdentifier(part);
    return QStringLiteral("SET %1 TO %2").arg(parts.join(QLatin1Char('.')), values.join(QStringLiteral(", ")));
}

QString str(const nlohmann::json &j, const char *key)
{
    const auto v = j.value(key, nlohmann::json());
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}

} // namespace

DatabaseProperties DatabaseProperties::read(pg::Connection &conn, const QString &database)
{
    // Where each version keeps the locale provider: 15 has an ICU locale, 16 rules for it,
    // 17 renamed the locale to datlocale (ICU or builtin).
    const int v = conn.serverVersion();
    const QString provider = v >= 150000 ? QStringLiteral("d.datlocprovider::text") : QStringLiteral("'c'");
    const QString locale = v >= 170000   ? QStringLiteral("coalesce(d.datlocale, '')")
                           : v >= 150000 ? QStringLiteral("coalesce(d.daticulocale, '')")
                                         : QStringLiteral("''");
    const QString rules = v >= 160000 ? QStringLiteral("coalesce(d.daticurules, '')") : QStringLiteral("''");
    const auto r = conn.exec(
        QStringLiteral("SELECT pg_get_userbyid(d.datdba), pg_encoding_to_char(d.encoding), "
                       "d.datcollate, d.datctype, %1, %2, "
                       "CASE WHEN t.spcname = 'pg_default' THEN '' ELSE t.spcname END, "
                       "d.datconnlimit, d.datallowconn, d.datistemplate, d.datacl IS NULL, "
                       "coalesce(shobj_description(d.oid, 'pg_database'), ''), %3 "
                       "FROM pg_database d JOIN pg_tablespace t ON t.oid = d.dattablespace "
                       "WHERE d.datname = $1")
            .arg(provider, locale, rules),
        {database});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no database %1.").arg(database));
    DatabaseProperties p;
    p.name = database;
    p.owner = r.value(0, 0);
    p.encoding = r.value(0, 1);
    p.collate = r.value(0, 2);
    p.ctype = r.value(0, 3);
    p.localeProvider = r.value(0, 4);
    p.icuLocale = r.value(0, 5);
    p.tablespace = r.value(0, 6);
    p.connectionLimit = r.toInt(0, 7);
    p.allowConnections = r.toBool(0, 8);
    p.isTemplate = r.toBool(0, 9);
    const bool defaultAcl = r.toBool(0, 10);
    p.comment = r.value(0, 11);
    p.icuRules = r.value(0, 12);
    if (!defaultAcl) {
        const auto g = conn.exec(
            QStringLiteral("SELECT CASE WHEN a.grantee = 0 THEN '' ELSE pg_get_userbyid(a.grantee) END, "
                           "a.privilege_type, a.is_grantable "
                           "FROM pg_database d, aclexplode(d.datacl) a WHERE d.datname = $1 "
                           "ORDER BY 1, 2"),
            {database});
        QList<Grant> grants;
        for (int i = 0; i < g.rowCount(); ++i)
            grants.append({g.value(i, 0), g.value(i, 1), g.toBool(i, 2)});
        p.grants = grants;
    }
    const auto s = conn.exec(
        QStringLiteral("SELECT CASE WHEN s.setrole = 0 THEN '' ELSE pg_get_userbyid(s.setrole) END AS role, "
                       "u.c FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase, "
                       "unnest(s.setconfig) WITH ORDINALITY AS u(c, n) WHERE d.datname = $1 "
                       "ORDER BY 1, u.n"),
        {database});
    for (int i = 0; i < s.rowCount(); ++i) {
        if (p.settings.isEmpty() || p.settings.last().role != s.value(i, 0))
            p.settings.append({s.value(i, 0), {}});
        p.settings.last().configs << s.value(i, 1);
    }
    return p;
}

nlohmann::json DatabaseProperties::toJson() const
{
    nlohmann::json j = {{"name", name.toStdString()},
                        {"owner", owner.toStdString()},
                        {"encoding", encoding.toStdString()},
                        {"collate", collate.toStdString()},
                        {"ctype", ctype.toStdString()},
                        {"locale_provider", localeProvider.toStdString()},
                        {"icu_locale", icuLocale.toStdString()},
                        {"icu_rules", icuRules.toStdString()},
                        {"tablespace", tablespace.toStdString()},
                        {"connection_limit", connectionLimit},
                        {"allow_connections", allowConnections},
                        {"is_template", isTemplate},
                        {"comment", comment.toStdString()}};
    if (grants) {
        nlohmann::json a = nlohmann::json::array();
        for (const Grant &g : *grants)
            a.push_back({{"grantee", g.grantee.toStdString()},
                         {"privilege", g.privilege.toStdString()},
                         {"grantable", g.grantable}});
        j["grants"] = a;
    } else {
        j["grants"] = nullptr;
    }
    nlohmann::json s = nlohmann::json::array();
    for (const RoleSettings &rs : settings) {
        nlohmann::json c = nlohmann::json::array();
        for (const QString &config : rs.configs)
            c.push_back(config.toStdString());
        s.push_back({{"role", rs.role.toStdString()}, {"configs", c}});
    }
    j["settings"] = s;
    return j;
}

std::optional<DatabaseProperties> DatabaseProperties::fromJson(const nlohmann::json &j)
{
    if (!j.is_object() || !j.contains("owner"))
        return std::nullopt;
    DatabaseProperties p;
    p.name = str(j, "name");
    p.owner = str(j, "owner");
    p.encoding = str(j, "encoding");
    p.collate = str(j, "collate");
    p.ctype = str(j, "ctype");
    p.localeProvider = str(j, "locale_provider");
    p.icuLocale = str(j, "icu_locale");
    p.icuRules = str(j, "icu_rules");
    p.tablespace = str(j, "tablespace");
    p.comment = str(j, "comment");
    const auto limit = j.value("connection_limit", nlohmann::json(-1));
    p.connectionLimit = limit.is_number_integer() ? limit.get<int>() : -1;
    p.allowConnections = j.value("allow_connections", true);
    p.isTemplate = j.value("is_template", false);
    if (const auto g = j.value("grants", nlohmann::json()); g.is_array()) {
        QList<Grant> grants;
        for (const auto &item : g)
            if (item.is_object())
                grants.append({str(item, "grantee"), str(item, "privilege"), item.value("grantable", false)});
        p.grants = grants;
    }
    if (const auto s = j.value("settings", nlohmann::json()); s.is_array()) {
        for (const auto &item : s) {
            if (!item.is_object())
                continue;
            RoleSettings rs{str(item, "role"), {}};
            for (const auto &c : item.value("configs", nlohmann::json::array()))
                if (c.is_string())
                    rs.configs << QString::fromStdString(c.get<std::string>());
            p.settings.append(rs);
        }
    }
    return p;
}

QString DatabaseProperties::createStatement(const pg::Connection &conn, const QString &name) const
{
    QString sql = QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(conn.quoteIdentifier(name));
    sql += QStringLiteral(" ENCODING %1")
               .arg(conn.quoteLiteral(encoding.isEmpty() ? QStringLiteral("UTF8") : encoding));
    if (!collate.isEmpty())
        sql += QStringLiteral(" LC_COLLATE %1").arg(conn.quoteLiteral(collate));
    if (!ctype.isEmpty())
        sql += QStringLiteral(" LC_CTYPE %1").arg(conn.quoteLiteral(ctype));
    if (conn.serverVersion() >= 150000 && localeProvider == QLatin1String("i")) {
        sql += QStringLiteral(" LOCALE_PROVIDER icu");
        if (!icuLocale.isEmpty())
            sql += QStringLiteral(" ICU_LOCALE %1").arg(conn.quoteLiteral(icuLocale));
        if (conn.serverVersion() >= 160000 && !icuRules.isEmpty())
            sql += QStringLiteral(" ICU_RULES %1").arg(conn.quoteLiteral(icuRules));
    } else if (conn.serverVersion() >= 170000 && localeProvider == QLatin1String("b")) {
        sql += QStringLiteral(" LOCALE_PROVIDER builtin BUILTIN_LOCALE %1").arg(conn.quoteLiteral(icuLocale));
    }
    if (!tablespace.isEmpty())
        sql += QStringLiteral(" TABLESPACE %1").arg(conn.quoteIdentifier(tablespace));
    return sql;
}

QStringList DatabaseProperties::restoreStatements(const pg::Connection &conn, const QString &name,
                                                  bool includeComment) const
{
    const QString db = conn.quoteIdentifier(name);
    QStringList out;
    if (!owner.isEmpty())
        out << QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(db, conn.quoteIdentifier(owner));
    out << QStringLiteral("ALTER DATABASE %1 CONNECTION LIMIT %2").arg(db).arg(connectionLimit);
    if (grants) {
        // Exactly as they were: nothing by default, then each privilege (a superuser's
        // GRANT is recorded as the owner's, as the original normally was).
        out << QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(db);
        if (!owner.isEmpty())
            out << QStringLiteral("REVOKE ALL ON DATABASE %1 FROM %2").arg(db, conn.quoteIdentifier(owner));
        for (const Grant &g : *grants)
            out << QStringLiteral("GRANT %1 ON DATABASE %2 TO %3%4")
                       .arg(g.privilege == QLatin1String("TEMPORARY") ? QStringLiteral("TEMPORARY")
                            : g.privilege == QLatin1String("CREATE")  ? QStringLiteral("CREATE")
                                                                      : QStringLiteral("CONNECT"),
                            db,
                            g.grantee.isEmpty() ? QStringLiteral("PUBLIC") : conn.quoteIdentifier(g.grantee),
                            g.grantable ? QStringLiteral(" WITH GRANT OPTION") : QString());
    }
    for (const RoleSettings &rs : settings)
        for (const QString &config : rs.configs)
            out << (rs.role.isEmpty()
                        ? QStringLiteral("ALTER DATABASE %1 %2").arg(db, setClause(conn, config))
                        : QStringLiteral("ALTER ROLE %1 IN DATABASE %2 %3")
                              .arg(conn.quoteIdentifier(rs.role), db, setClause(conn, config)));
    if (includeComment && !comment.isEmpty())
        out << QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(db, conn.quoteLiteral(comment));
    // Last: a database that took no connections, or was a template, is so again.
    if (isTemplate)
        out << QStringLiteral("ALTER DATABASE %1 WITH IS_TEMPLATE true").arg(db);
    if (!allowConnections)
        out << QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false").arg(db);
    return out;
}

QStringList DatabaseProperties::apply(pg::Connection &conn, const QString &name,
                                      bool includeComment) const
{
    QStringList warnings;
    for (const QString &statement : restoreStatements(conn, name, includeComment)) {
        try {
            conn.exec(statement);
        } catch (const Error &e) {
            if (e.kind() == Error::Kind::Connection || e.kind() == Error::Kind::Cancelled)
                throw;
            // A role dropped since (42704) or a setting this server no longer knows: the
            // rest is still put back, and the person is told what was not.
            warnings << tr("%1 was not put back on %2: %3").arg(statement, name, e.message());
        }
    }
    return warnings;
}

QStringList DatabaseProperties::differences(const DatabaseProperties &o) const
{
    QStringList out;
    const auto differ = [&](const char *what, const QString &a, const QString &b) {
        if (a != b)
            out << QStringLiteral("%1: %2 -> %3").arg(QLatin1String(what), a, b);
    };
    differ("owner", owner, o.owner);
    differ("encoding", encoding, o.encoding);
    differ("collate", collate, o.collate);
    differ("ctype", ctype, o.ctype);
    differ("locale provider", localeProvider, o.localeProvider);
    differ("provider's locale", icuLocale, o.icuLocale);
    differ("ICU rules", icuRules, o.icuRules);
    differ("tablespace", tablespace, o.tablespace);
    differ("connection limit", QString::number(connectionLimit), QString::number(o.connectionLimit));
    differ("allow connections", allowConnections ? QStringLiteral("true") : QStringLiteral("false"),
           o.allowConnections ? QStringLiteral("true") : QStringLiteral("false"));
    differ("is template", isTemplate ? QStringLiteral("true") : QStringLiteral("false"),
           o.isTemplate ? QStringLiteral("true") : QStringLiteral("false"));
    differ("comment", comment, o.comment);
    const auto grantText = [](const std::optional<QList<Grant>> &g) {
        if (!g)
            return QStringLiteral("(default)");
        QStringList items;
        for (const Grant &x : *g)
            items << QStringLiteral("%1:%2%3").arg(x.grantee.isEmpty() ? QStringLiteral("PUBLIC") : x.grantee,
                                                   x.privilege, x.grantable ? QStringLiteral("*") : QString());
        items.sort();
        return items.join(QLatin1Char(','));
    };
    differ("grants", grantText(grants), grantText(o.grants));
    const auto settingsText = [](const QList<RoleSettings> &s) {
        QStringList items;
        for (const RoleSettings &rs : s)
            items << QStringLiteral("%1[%2]").arg(rs.role, rs.configs.join(QLatin1Char(';')));
        items.sort();
        return items.join(QLatin1Char(','));
    };
    differ("settings", settingsText(settings), settingsText(o.settings));
    return out;
}

} // namespace statescope::weekly

#include "output.h"

#include "core/format.h"

#include "core/validate.h"

#include "core/layout/layout.h"
#include "core/pg/connectionsettings.h"
#include "core/pg/readerlogin.h"
#include "core/secrets.h"
#include "core/settings.h"

#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <utility>

namespace statescope::cli {

nlohmann::json utf8Array(const QStringList &strings)
{
    nlohmann::json a = nlohmann::json::array();
    for (const QString &s : strings)
        a.push_back(utf8(s));
    return a;
}

std::string utf8(const QString &s)
{
    return s.toStdString();
}

nlohmann::json textJson(const QByteArray &bytes, bool *invalid)
{
    if (QByteArrayView(bytes).isValidUtf8())
        return bytes.toStdString();
    if (invalid)
        *invalid = true;
    // Each byte that is not part of a valid sequence is one U+FFFD.
    QString text;
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar c = uchar(bytes[i]);
        const int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len > 0 && i + len <= n && QByteArrayView(bytes.constData() + i, len).isValidUtf8()) {
            text += QString::fromUtf8(bytes.constData() + i, len);
            i += len;
        } else {
            text += QChar::ReplacementCharacter;
            ++i;
        }
    }
    return text.toStdString();
}

QByteArray csvField(const QByteArray &v)
{
    return format::csvField(QByteArrayView(v));
}

void markInvalidUtf8(nlohmann::json &row)
{
    row[row.contains("invalid_utf8") ? "_invalid_utf8" : "invalid_utf8"] = true;
}

std::string dumpJson(const nlohmann::json &doc, int indent)
{
    return doc.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

Command::Command(QString name, QString description) : m_name(std::move(name))
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")});
    // Commands that read a database read it through its layout; a file can say where the
    // game's data lives when detection cannot (docs/LAYOUTS.md).
    if (!m_name.startsWith(QLatin1String("sandbox")) && !m_name.startsWith(QLatin1String("demo")))
        m_parser.addOption({QStringLiteral("layout"),
                            QStringLiteral("A layout file saying where the game's data lives "
                                           "(see `layout show`; docs/LAYOUTS.md)."),
                            QStringLiteral("FILE")});
}

std::unique_ptr<pg::Connection> Command::open(const QString &option, pg::Connection::Access access,
                                              CancelToken *cancel) const
{
    auto conn = pg::Connection::open(connection(option), access, cancel);
    // A reader login that is there but was refused (a wrong password, say): reading goes on
    // as the guarded superuser, and whoever reads is told why, once.
    if (const pg::ReadProtection &rp = conn->readProtection(); rp.isGuarded() && rp.readerFailed) {
        static bool told = false;
        if (!std::exchange(told, true))
            std::fprintf(stderr, "warning: reading as %s, guarded: %s\n", qPrintable(rp.superuser), qPrintable(rp.reason));
    }
    if (isLayoutSet())
        layout::applyFile(*conn, m_parser.value(QStringLiteral("layout")));
    return conn;
}

bool Command::isLayoutSet() const
{
    return !m_name.startsWith(QLatin1String("sandbox")) && !m_name.startsWith(QLatin1String("demo"))
        && m_parser.isSet(QStringLiteral("layout"));
}

void Command::parse(const QStringList &args)
{
    QStringList argv = args;
    argv.prepend(QStringLiteral("statescope-cli ") + m_name);
    if (!m_parser.parse(argv))
        throw Error::invalidInput(m_parser.errorText(),
                                  QStringLiteral("See: statescope-cli %1 --help").arg(m_name));
    if (m_parser.isSet(QStringLiteral("help"))) {
        QString help = m_parser.helpText();
        help.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: statescope-cli ") + m_name);
        QTextStream(stdout) << help;
        std::exit(Ok);
    }
    if (m_parser.positionalArguments().size() > m_positionals)
        throw Error::invalidInput(QStringLiteral("Unexpected argument: %1")
                                      .arg(m_parser.positionalArguments().value(m_positionals)),
                                  QStringLiteral("See: statescope-cli %1 --help").arg(m_name));
    // A layout file read once, checked now (exit 2 when malformed), and handed to every
    // connection this command opens, also those opened inside core (metrics compare opens
    // one per week); cmd.open() lays it over strictly.
    if (isLayoutSet()) {
        const nlohmann::json doc = layout::Layout::parseFile(m_parser.value(QStringLiteral("layout")));
        layout::setMappingProvider([doc](const QString &) { return std::optional<nlohmann::json>(doc); });
    }
}

QString Command::required(const QString &option) const
{
    if (!m_parser.isSet(option))
        throw Error::invalidInput(QStringLiteral("--%1 is required.").arg(option),
                                  QStringLiteral("See: statescope-cli %1 --help").arg(m_name));
    return m_parser.value(option);
}

qint64 Command::integer(const QString &option, qint64 fallback, qint64 min, qint64 max) const
{
    if (!m_parser.isSet(option))
        return fallback;
    const auto parsed = validate::wholeNumber(m_parser.value(option));
    const qint64 v = parsed.value_or(0);
    if (!parsed || v < min || v > max)
        throw Error::invalidInput(QStringLiteral("--%1 must be a whole number from %2 to %3, not "
                                                 "\"%4\".")
                                      .arg(option)
                                      .arg(min)
                                      .arg(max)
                                      .arg(m_parser.value(option)));
    return v;
}

pg::ConnectionSettings connectionFrom(const QString &text)
{
    // A conninfo has "=", a URI "://": a bare word (maybe with "/DATABASE") can only be a
    // profile's name, and is read as a conninfo (and refused as one) when no profile has it.
    if (!text.contains(QLatin1Char('=')) && !text.contains(QStringLiteral("://"))) {
        const qsizetype slash = text.lastIndexOf(QLatin1Char('/'));
        const QString name = slash < 0 ? text : text.left(slash);
        for (const settings::Profile &p : settings::profiles()) {
            if (p.name != name && p.name != text)
                continue;
            pg::ConnectionSettings s = pg::ConnectionSettings::parse(p.conninfo);
            if (p.name != text && slash >= 0) {
                const QString database = text.mid(slash + 1);
                if (database.isEmpty())
                    throw Error::invalidInput(QStringLiteral("No database after the profile's name: %1").arg(text),
                                              QStringLiteral("NAME/DATABASE, e.g. %1/spacetraders_2025_w01").arg(name));
                s = s.withDatabase(database);
            }
            if (p.savePassword && !s.hasPassword() && qEnvironmentVariableIsEmpty("PGPASSWORD")) {
                const secrets::Result kept = secrets::readNow(secrets::profileKey(p.id), 5000);
                if (kept.ok())
                    s.setPassword(kept.secret);
            }
            return s;
        }
    }
    return pg::ConnectionSettings::parse(text);
}

pg::ConnectionSettings Command::connection(const QString &option) const
{
    pg::ConnectionSettings settings = connectionFrom(required(option));
    // Every --server names a server through its maintenance database unless the string names
    // one (docs/CLI.md): never a database named after the user, which libpq would pick.
    if (option == QLatin1String("server") && settings.database().isEmpty())
        settings.setValue(QStringLiteral("dbname"), QStringLiteral("postgres"));
    return settings;
}

void Command::print(const nlohmann::json &document, const QString &text) const
{
    if (json())
        std::fputs((dumpJson(document, 2) + "\n").c_str(), stdout);
    else if (!text.isEmpty())
        std::fputs((text.toStdString() + "\n").c_str(), stdout);
    std::fflush(stdout);
}

int reportError(const Error &error, bool json)
{
    if (json) {
        const nlohmann::json doc = {{"error",
                                     {{"kind", utf8(Error::kindName(error.kind()))},
                                      {"message", utf8(error.message())},
                                      {"detail", utf8(error.detail())},
                                      {"hint", utf8(error.hint())},
                                      {"sqlstate", utf8(error.sqlstate())}}}};
        std::fputs((dumpJson(doc, 2) + "\n").c_str(), stdout);
        std::fflush(stdout);
    }
    std::fputs(("statescope-cli: " + utf8(error.oneLine()) + "\n").c_str(), stderr);
    switch (error.kind()) {
    case Error::Kind::InvalidInput: return Usage;
    case Error::Kind::Cancelled: return Cancelled;
    default: return Failed;
    }
}

} // namespace statescope::cli

#pragma once

#include <QCoreApplication>
#include <QString>

#include <exception>
#include <string>

namespace statescope {

// The one error type core hands to its callers. Core never shows an error; the GUI
// and the CLI decide how to present all four PostgreSQL fields.
class Error : public std::exception
{
    Q_DECLARE_TR_FUNCTIONS(statescope::Error)
public:
    enum class Kind {
        InvalidInput, // the caller's input was rejected before anything was sent
        Connection,   // could not connect, or the connection was lost
        Query,        // the server reported an error for a statement
        Cancelled,    // the user cancelled
        NotFound,
        Conflict,     // busy, already exists, concurrent change, drift
        Environment,  // missing binaries, files, permissions on this machine
        Internal,
    };

    Error(Kind kind, QString message, QString detail = {}, QString hint = {},
          QString sqlstate = {});

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    const QString &detail() const { return m_detail; }
    const QString &hint() const { return m_hint; }
    const QString &sqlstate() const { return m_sqlstate; }
    // Where in the statement the server found the error: a character count from 1, as
    // PostgreSQL's error position field; 0 when it named none.
    int position() const { return m_position; }
    Error &atPosition(int position)
    {
        m_position = position;
        return *this;
    }

    // The server wants a password that was not given, or refused the one given (28P01):
    // the caller may ask for one and try again.
    bool isAuthentication() const
    {
        return m_kind == Kind::Connection && m_sqlstate == QLatin1String("28P01");
    }

    // One line for logs and the CLI: "message (SQLSTATE x): detail. hint".
    QString oneLine() const;
    static QString kindName(Kind kind);

    const char *what() const noexcept override { return m_what.c_str(); }

    static Error invalidInput(const QString &message, const QString &hint = {})
    {
        return Error(Kind::InvalidInput, message, {}, hint);
    }
    static Error cancelled() { return Error(Kind::Cancelled, tr("Cancelled by the user.")); }

private:
    Kind m_kind;
    QString m_message;
    QString m_detail;
    QString m_hint;
    QString m_sqlstate;
    int m_position = 0;
    std::string m_what;
};

} // namespace statescope

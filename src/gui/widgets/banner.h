#pragma once

#include "core/error.h"

#include <QFrame>

class QLabel;

namespace statescope::gui {

// The one banner of the application: a dismissable strip above a pane that shows an Error
// in full (message, SQLSTATE, detail, hint), a warning, a neutral note or a success. A
// banner can say which database it is about (its context): a pane hides it when it moves to
// another database, and clearFor(db) hides it when that database's next request succeeds,
// so nothing about one database is left standing over another's content. What an action of
// the user's came to (showSuccess, showFailure) is not cleared by the reload that follows
// the action: it stays until dismissed, replaced, or the pane moves to another database.
class Banner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Error, Warning, Info, Success };

    explicit Banner(QWidget *parent = nullptr);

    void showError(const Error &error, const QString &context = {});
    void showWarning(const QString &message, const QString &context = {});
    void showMessage(const QString &message, const QString &context = {}); // neutral
    void showSuccess(const QString &message, const QString &context = {});
    // An action (prune, roll back, undo, reset, ...) failed: shown as showError, but kept
    // when the database answers again.
    void showFailure(const Error &error, const QString &context = {});
    // Hides the banner if it is about `context` (or about nothing in particular), unless it
    // tells what an action came to.
    void clearFor(const QString &context);

    Kind kind() const { return m_kind; }
    QString context() const { return m_context; }
    QString text() const;     // as shown (rich text)
    QString plainText() const;

private:
    void restyle(); // the tone's colours for the palette in use
    void present(Kind kind, const QString &html, const QString &context, bool outcome = false);
    static QString describe(const Error &error);

    QLabel *m_text;
    Kind m_kind = Kind::Info;
    QString m_context;
    bool m_outcome = false;
};

} // namespace statescope::gui

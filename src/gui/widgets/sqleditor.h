#pragma once

#include "core/browse/console.h"

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;

namespace statescope::gui {

class SqlHighlighter;

// The console's editor: monospace, PostgreSQL highlighting, completion of schemas, tables
// and columns (Ctrl+Space, or after three letters of a name).
class SqlEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit SqlEditor(QWidget *parent = nullptr);
    void setCompletions(const QStringList &words);
    QCompleter *completer() const { return m_completer; }
    // The statement the cursor is in (or the selection): what Run runs.
    QString currentStatement() const;
    // The same, with where it starts in the editor (line, offset): an error's position is
    // counted from there.
    browse::ScriptStatement currentScriptStatement() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString wordUnderCursor() const;
    void complete(bool force);

    QCompleter *m_completer;
    QStringListModel *m_words;
    SqlHighlighter *m_highlighter;
};

} // namespace statescope::gui

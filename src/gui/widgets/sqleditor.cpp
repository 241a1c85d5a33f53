#include "gui/widgets/sqleditor.h"

#include "core/browse/console.h"
#include "gui/widgets/sqlhighlighter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace statescope::gui {

using namespace statescope::browse;

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.');
}

} // namespace

// SqlEditor ---------------------------------------------------------------------------------

SqlEditor::SqlEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_completer(new QCompleter(this)), m_words(new QStringListModel(this)),
      m_highlighter(new SqlHighlighter(document()))
{
    setObjectName(QStringLiteral("sqlEditor"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    setPlaceholderText(tr("SELECT * FROM raw.api_events ORDER BY id DESC LIMIT 100;  "
                          "Ctrl+Enter runs the statement under the cursor, Ctrl+Shift+Enter all"));
    m_completer->setModel(m_words);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &word) {
        QTextCursor c = textCursor();
        const QString typed = wordUnderCursor();
        c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(typed.size()));
        c.insertText(word);
        setTextCursor(c);
    });
}

void SqlEditor::setCompletions(const QStringList &words)
{
    QStringList sorted = words;
    sorted.removeDuplicates();
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    m_words->setStringList(sorted);
}

QString SqlEditor::wordUnderCursor() const
{
    const QTextCursor c = textCursor();
    const QString line = c.block().text().left(c.positionInBlock());
    int start = int(line.size());
    while (start > 0 && isNameChar(line[start - 1]))
        --start;
    return line.mid(start);
}

void SqlEditor::complete(bool force)
{
    const QString prefix = wordUnderCursor();
    if (!force && prefix.size() < 3) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    // Asked for (Ctrl+Space): the first word is chosen, Enter takes it. Offered while
    // typing: nothing is chosen until Down or Tab, so Enter still ends the line ("desc"
    // followed by Enter stays "desc").
    m_completer->popup()->setCurrentIndex(force ? m_completer->completionModel()->index(0, 0) : QModelIndex());
    QRect r = cursorRect();
    r.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(r);
}

void SqlEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        const bool chosen = m_completer->popup()->currentIndex().isValid();
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
            if (!chosen) { // a new line, not a word nobody picked
                m_completer->popup()->hide();
                break;
            }
            event->ignore(); // the completer takes the chosen word
            return;
        case Qt::Key_Tab:
            if (!chosen) { // Tab takes the first word offered
                const QString word = m_completer->completionModel()->index(0, 0).data().toString();
                m_completer->popup()->hide();
                emit m_completer->activated(word);
                return;
            }
            event->ignore();
            return;
        case Qt::Key_Escape:
        case Qt::Key_Backtab:
            event->ignore(); // the completer takes these
            return;
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Space && event->modifiers() & Qt::ControlModifier) {
        complete(true);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    if (!event->text().isEmpty() && !(event->modifiers() & Qt::ControlModifier)
        && isNameChar(event->text().back()))
        complete(false);
    else if (!event->text().isEmpty())
        m_completer->popup()->hide();
}

QString SqlEditor::currentStatement() const
{
    return currentScriptStatement().text;
}

ScriptStatement SqlEditor::currentScriptStatement() const
{
    const QTextCursor c = textCursor();
    if (c.hasSelection()) {
        const QString selected = c.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
        const QString text = selected.trimmed();
        const int lead = int(selected.indexOf(text));
        const int offset = c.selectionStart() + std::max(0, lead);
        return {text, document()->findBlock(offset).blockNumber() + 1, offset};
    }
    const QString text = toPlainText();
    const QList<ScriptStatement> statements = splitScript(text);
    const int at = c.position();
    ScriptStatement found;
    for (const ScriptStatement &s : statements) {
        if (s.offset <= at || found.text.isEmpty())
            found = s;
        if (s.offset > at)
            break;
    }
    return found;
}

} // namespace statescope::gui

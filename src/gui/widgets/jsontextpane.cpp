#include "gui/widgets/jsontextpane.h"

#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/themed.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QVBoxLayout>

namespace statescope::gui {

namespace {

// Small texts are laid out at once; bigger ones are pretty-printed on the pane's worker.
constexpr qsizetype kSyncBytes = 1024 * 1024;
// Lines longer than this (minified raw text) are left plain: colouring them costs more
// than it helps.
constexpr int kMaxHighlightedLine = 20000;

struct PrettyChunk
{
    QByteArray text;
    bool truncated = false;
};

class JsonHighlighter : public QSyntaxHighlighter
{
public:
    explicit JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
    {
        setColours();
        // Keys in the light theme's purple on a dark page after a switch, unless made again.
        style::onThemeChange(this, [this] {
            setColours();
            rehighlight();
        });
    }

    void setColours()
    {
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
        m_key.setForeground(QColor(dark ? 0xc77dbb : 0x871094));
        m_string.setForeground(QColor(dark ? 0x8fc47a : 0x067d17));
        m_number.setForeground(QColor(dark ? 0x5cc8d6 : 0x1750eb));
        m_literal.setForeground(QColor(dark ? 0xd49a6a : 0x0033b3));
        m_literal.setFontWeight(QFont::Bold);
    }

protected:
    void highlightBlock(const QString &text) override
    {
        const qsizetype n = text.size();
        if (n > kMaxHighlightedLine)
            return;
        qsizetype i = 0;
        while (i < n) {
            const QChar c = text[i];
            if (c == u'"') {
                qsizetype j = i + 1;
                while (j < n && text[j] != u'"')
                    j += text[j] == u'\\' ? 2 : 1;
                j = std::min(j + 1, n);
                qsizetype k = j;
                while (k < n && text[k].isSpace())
                    ++k;
                setFormat(int(i), int(j - i), k < n && text[k] == u':' ? m_key : m_string);
                i = j;
            } else if (c == u'-' || c.isDigit()) {
                qsizetype j = i + 1;
                while (j < n && (text[j].isDigit() || text[j] == u'.' || text[j] == u'e' ||
                                 text[j] == u'E' || text[j] == u'+' || text[j] == u'-'))
                    ++j;
                setFormat(int(i), int(j - i), m_number);
                i = j;
            } else if (c.isLetter()) {
                qsizetype j = i + 1;
                while (j < n && text[j].isLetter())
                    ++j;
                const QStringView word = QStringView(text).mid(i, j - i);
                if (word == u"true" || word == u"false" || word == u"null")
                    setFormat(int(i), int(j - i), m_literal);
                i = j;
            } else {
                ++i;
            }
        }
    }

private:
    QTextCharFormat m_key, m_string, m_number, m_literal;
};

bool isContinuationByte(char c)
{
    return (uchar(c) & 0xC0) == 0x80;
}

} // namespace

JsonTextPane::JsonTextPane(QWidget *parent)
    : QWidget(parent), m_runner(new JobRunner(this)), m_notice(new QLabel(this)),
      m_edit(new QPlainTextEdit(this)), m_moreButton(new QPushButton(tr("Show more"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // A large document is laid out on the worker for a second or more: the place says so,
    // for how long, with Cancel, rather than staying blank.
    auto *progress = new ProgressPanel(this);
    progress->setObjectName(QStringLiteral("jsonTextProgress"));
    progress->follow(m_runner);
    layout->addWidget(progress);
    layout->addWidget(m_notice);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_moreButton, 0, Qt::AlignLeft);

    m_notice->setObjectName(QStringLiteral("textNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_edit->setObjectName(QStringLiteral("jsonText"));
    m_edit->setReadOnly(true);
    m_edit->setUndoRedoEnabled(false);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    new JsonHighlighter(m_edit->document());
    m_moreButton->setObjectName(QStringLiteral("showMore"));
    m_moreButton->setToolTip(tr("Append the next %1 MB of text").arg(kChunkBytes >> 20));
    m_moreButton->hide();
    connect(m_moreButton, &QPushButton::clicked, this, &JsonTextPane::showMore);
}

bool JsonTextPane::hasMore() const
{
    return m_more;
}

void JsonTextPane::clear()
{
    ++m_generation;
    m_runner->cancel();
    m_mode = Mode::None;
    m_doc = {};
    m_raw.clear();
    m_rawStart = 0;
    m_shown = 0;
    m_edit->setExtraSelections({});
    m_edit->clear();
    m_notice->hide();
    setMore(false);
}

void JsonTextPane::setMore(bool more)
{
    m_more = more;
    m_moreButton->setVisible(more);
    m_moreButton->setEnabled(true);
    m_moreButton->setText(tr("Show more"));
}

void JsonTextPane::showPretty(const json::Document &document)
{
    clear();
    if (!document.isValid())
        return;
    m_mode = Mode::Pretty;
    m_doc = document;
    requestPretty(kChunkBytes);
}

void JsonTextPane::requestPretty(qsizetype upTo)
{
    if (m_doc.text().size() <= kSyncBytes) {
        bool truncated = false;
        const QByteArray text = json::pretty(m_doc, m_doc.root(), upTo, &truncated);
        takePretty(text, truncated);
        return;
    }
    // pretty() has no offset: each chunk re-renders the prefix, off the UI thread.
    m_moreButton->setEnabled(false);
    m_moreButton->setText(tr("Loading…"));
    const quint64 generation = m_generation;
    const json::Document doc = m_doc;
    m_runner->start<PrettyChunk>(
        tr("Formatting JSON"),
        [doc, upTo](TaskContext &) {
            PrettyChunk chunk;
            chunk.text = json::pretty(doc, doc.root(), upTo, &chunk.truncated);
            return chunk;
        },
        [this, generation](const Outcome<PrettyChunk> &outcome) {
            if (generation != m_generation || m_mode != Mode::Pretty)
                return;
            if (!outcome.ok()) {
                m_notice->setText(outcome.error().message());
                m_notice->show();
                setMore(false);
                return;
            }
            takePretty(outcome.value().text, outcome.value().truncated);
        });
}

void JsonTextPane::takePretty(const QByteArray &text, bool truncated)
{
    qsizetype end = text.size();
    if (truncated) {
        // Stop at a line end: the editor then never holds half a line (or half a
        // UTF-8 sequence), and the next chunk starts cleanly.
        const qsizetype newline = text.lastIndexOf('\n');
        if (newline >= m_shown)
            end = newline + 1;
    }
    if (end > m_shown)
        append(QByteArrayView(text).sliced(m_shown, end - m_shown));
    m_shown = std::max(m_shown, end);
    setMore(truncated);
    emit textShown();
}

void JsonTextPane::showRaw(const QByteArray &text, const json::ParseError &error)
{
    clear();
    m_mode = Mode::Raw;
    m_raw = text;
    const qsizetype offset = std::clamp<qsizetype>(error.offset, 0, text.size());
    // Past the first chunk, start a little before the error rather than at byte 0.
    if (offset > kChunkBytes - 4096) {
        qsizetype start = offset - kChunkBytes / 2;
        const qsizetype newline = text.indexOf('\n', start);
        if (newline >= 0 && newline < offset && newline - start < 64 * 1024)
            start = newline + 1;
        while (start < offset && isContinuationByte(text[start]))
            ++start;
        m_rawStart = start;
        m_notice->setText(tr("Showing the text from byte %L1 on, around the error.").arg(start));
        m_notice->show();
    }
    m_shown = m_rawStart;
    appendRaw(offset + 1);
    markError(offset);
}

void JsonTextPane::appendRaw(qsizetype atLeastTo)
{
    const qsizetype size = m_raw.size();
    qsizetype end = std::min(size, std::max(m_shown + kChunkBytes, atLeastTo));
    if (end < size) {
        const qsizetype newline = m_raw.lastIndexOf('\n', end - 1);
        if (newline >= m_shown && newline + 1 >= atLeastTo && newline - m_shown > kChunkBytes / 2)
            end = newline + 1;
        while (end > m_shown && isContinuationByte(m_raw[end]))
            --end;
    }
    append(QByteArrayView(m_raw).sliced(m_shown, end - m_shown));
    m_shown = end;
    setMore(end < size);
    emit textShown();
}

void JsonTextPane::append(QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return;
    const QString text = QString::fromUtf8(utf8);
    if (m_edit->document()->isEmpty()) {
        m_edit->setPlainText(text);
        return;
    }
    // Appending through a cursor keeps the reader's scroll position and selection.
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
}

void JsonTextPane::markError(qsizetype offset)
{
    // The editor holds text decoded from m_rawStart on; everything before the error is
    // valid UTF-8 (the parser stopped at the first bad byte), so decoding the prefix
    // gives the error's position in UTF-16 units.
    const qsizetype before = std::max<qsizetype>(0, offset - m_rawStart);
    const int length = m_edit->document()->characterCount() - 1;
    const int position = int(std::min<qsizetype>(
        QString::fromUtf8(QByteArrayView(m_raw).sliced(m_rawStart, before)).size(), length));

    QTextCursor cursor(m_edit->document());
    cursor.setPosition(position);
    m_edit->setTextCursor(cursor);

    QTextEdit::ExtraSelection line;
    line.format.setBackground(QColor(255, 0, 0, 40));
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = cursor;
    QTextEdit::ExtraSelection at;
    at.format.setBackground(QColor(220, 40, 40));
    at.format.setForeground(Qt::white);
    at.cursor = cursor;
    if (position < length)
        at.cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
    else if (position > 0)
        at.cursor.setPosition(position - 1, QTextCursor::KeepAnchor); // error at the end
    m_edit->setExtraSelections({line, at});
    m_edit->centerCursor();
}

void JsonTextPane::showMore()
{
    if (!m_more)
        return;
    if (m_mode == Mode::Pretty)
        requestPretty(m_shown + kChunkBytes);
    else if (m_mode == Mode::Raw)
        appendRaw(0);
}

} // namespace statescope::gui

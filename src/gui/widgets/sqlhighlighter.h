#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace statescope::gui {

// PostgreSQL highlighting for the console: keywords, types, strings (including E'' and
// dollar-quoted bodies across lines), quoted names, numbers, parameters and comments
// (-- and /* */, across lines). Colours follow the palette (light or dark).
class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument *document);

    // The format of the character at position in block (tests).
    static QString categoryAt(const QTextBlock &block, int position);

protected:
    void highlightBlock(const QString &text) override;

private:
    void setColours();
    enum State { Normal = 0, InComment = 1, InString = 2, InDollar = 3 };
    QTextCharFormat m_keyword, m_type, m_string, m_name, m_number, m_comment, m_parameter;
    QRegularExpression m_words;
    QString m_dollarTag; // the tag of a $tag$ body open at the end of a block
};

} // namespace statescope::gui

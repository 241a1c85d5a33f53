#pragma once

// The SQL guard's scanner (sqlguard.cpp): the text read as PostgreSQL's lexer reads it, into
// words, quoted names, strings, punctuation and operator runs.

#include <QSet>
#include <QString>

#include <vector>

namespace statescope::browse::detail {

struct Token
{
    enum class Kind { Word, QuotedWord, String, Punct, Operator, Other };
    Kind kind = Kind::Other;
    QString text; // Word: lower-cased; QuotedWord, String: decoded; Punct: the character
    bool isWord(const char *w) const { return kind == Kind::Word && text == QLatin1String(w); }
    bool isName() const { return kind == Kind::Word || kind == Kind::QuotedWord; }
    bool isPunct(char c) const { return kind == Kind::Punct && text.size() == 1 && text[0] == QLatin1Char(c); }
};

// PostgreSQL's fully reserved key words (pg_get_keywords() catcode 'R' in 15): unquoted, none
// can name a table, view or function, so none needs looking up. The ones that may name a
// function or type ("reserved (can be function or type)": LEFT, JOIN, LIKE, ...) are not here.
inline bool isReservedWord(const Token &t)
{
    static const QSet<QString> words = [] {
        QSet<QString> w;
        for (const char *k : {"all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both",
                              "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
                              "current_date", "current_role", "current_time", "current_timestamp", "current_user",
                              "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
                              "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially",
                              "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
                              "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
                              "returning", "select", "session_user", "some", "symmetric", "table", "then", "to",
                              "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
                              "window", "with"})
            w.insert(QString::fromLatin1(k));
        return w;
    }();
    return t.kind == Token::Kind::Word && words.contains(t.text);
}

inline bool identStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c.unicode() > 127;
}

inline bool identPart(QChar c)
{
    return identStart(c) || c.isDigit() || c == QLatin1Char('$');
}

// U&"..." and U&'...' escapes: \XXXX and \+XXXXXX.
inline QString unicodeEscapes(const QString &s)
{
    QString out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] != QLatin1Char('\\') || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        if (s[i + 1] == QLatin1Char('\\')) {
            out += QLatin1Char('\\');
            ++i;
            continue;
        }
        const bool plus = s[i + 1] == QLatin1Char('+');
        const int digits = plus ? 6 : 4;
        const qsizetype from = i + (plus ? 2 : 1);
        bool ok = false;
        const uint code = s.mid(from, digits).toUInt(&ok, 16);
        if (ok && s.mid(from, digits).size() == digits) {
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
            i = from + digits - 1;
        } else {
            out += s[i];
        }
    }
    return out;
}

class Scanner
{
public:
    // standardStrings: standard_conforming_strings (off: a backslash escapes in '...' too).
    Scanner(const QString &s, bool standardStrings) : m_s(s), m_standard(standardStrings) {}

    std::vector<Token> tokens()
    {
        std::vector<Token> out;
        const qsizetype n = m_s.size();
        while (m_i < n) {
            const QChar c = m_s[m_i];
            if (c.isSpace()) {
                ++m_i;
            } else if (c == QLatin1Char('-') && peek(1) == QLatin1Char('-')) {
                while (m_i < n && m_s[m_i] != QLatin1Char('\n'))
                    ++m_i;
            } else if (c == QLatin1Char('/') && peek(1) == QLatin1Char('*')) {
                blockComment();
            } else if (c == QLatin1Char('\'')) {
                out.push_back({Token::Kind::String, quoted(QLatin1Char('\''), !m_standard)});
            } else if (c == QLatin1Char('"')) {
                out.push_back({Token::Kind::QuotedWord, quoted(QLatin1Char('"'), false)});
            } else if ((c == QLatin1Char('e') || c == QLatin1Char('E')) && peek(1) == QLatin1Char('\'')) {
                ++m_i;
                out.push_back({Token::Kind::String, quoted(QLatin1Char('\''), true)});
            } else if ((c == QLatin1Char('u') || c == QLatin1Char('U')) && peek(1) == QLatin1Char('&')
                       && (peek(2) == QLatin1Char('\'') || peek(2) == QLatin1Char('"'))) {
                const QChar q = peek(2);
                m_i += 2;
                const QString text = unicodeEscapes(quoted(q, false));
                out.push_back({q == QLatin1Char('"') ? Token::Kind::QuotedWord : Token::Kind::String, text});
            } else if ((c == QLatin1Char('b') || c == QLatin1Char('B') || c == QLatin1Char('x')
                        || c == QLatin1Char('X') || c == QLatin1Char('n') || c == QLatin1Char('N'))
                       && peek(1) == QLatin1Char('\'')) {
                ++m_i;
                out.push_back({Token::Kind::String, quoted(QLatin1Char('\''), false)});
            } else if (c == QLatin1Char('$') && dollarQuote(out)) {
                // a $tag$ ... $tag$ string
            } else if (identStart(c)) {
                const qsizetype from = m_i;
                while (m_i < n && identPart(m_s[m_i]))
                    ++m_i;
                out.push_back({Token::Kind::Word, m_s.mid(from, m_i - from).toLower()});
            } else if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char(',')
                       || c == QLatin1Char(';') || c == QLatin1Char('.') || c == QLatin1Char('[')
                       || c == QLatin1Char(']')) {
                out.push_back({Token::Kind::Punct, QString(c)});
                ++m_i;
            } else if (isOperatorChar(c)) {
                // An operator: a run of its characters, ending before a comment starts.
                const qsizetype from = m_i;
                while (m_i < n && isOperatorChar(m_s[m_i])
                       && !(m_i > from && ((m_s[m_i] == QLatin1Char('-') && peek(1) == QLatin1Char('-'))
                                           || (m_s[m_i] == QLatin1Char('/') && peek(1) == QLatin1Char('*')))))
                    ++m_i;
                out.push_back({Token::Kind::Operator, m_s.mid(from, m_i - from)});
            } else {
                out.push_back({Token::Kind::Other, QString(c)});
                ++m_i;
            }
        }
        return out;
    }

private:
    QChar peek(int k) const { return m_i + k < m_s.size() ? m_s[m_i + k] : QChar(); }
    static bool isOperatorChar(QChar c) { return QStringView(u"+-*/<>=~!@#%^&|`?").contains(c); }

    void blockComment()
    {
        int depth = 0;
        const qsizetype n = m_s.size();
        while (m_i < n) {
            if (m_s[m_i] == QLatin1Char('/') && peek(1) == QLatin1Char('*')) {
                ++depth;
                m_i += 2;
            } else if (m_s[m_i] == QLatin1Char('*') && peek(1) == QLatin1Char('/')) {
                m_i += 2;
                if (--depth == 0)
                    return;
            } else {
                ++m_i;
            }
        }
    }

    // From the opening quote at m_i to past the closing one; a doubled quote is one.
    QString quoted(QChar q, bool backslashes)
    {
        QString text;
        ++m_i;
        const qsizetype n = m_s.size();
        while (m_i < n) {
            const QChar c = m_s[m_i];
            if (backslashes && c == QLatin1Char('\\') && m_i + 1 < n) {
                text += m_s[m_i + 1];
                m_i += 2;
                continue;
            }
            if (c == q) {
                if (peek(1) == q) {
                    text += q;
                    m_i += 2;
                    continue;
                }
                ++m_i;
                return text;
            }
            text += c;
            ++m_i;
        }
        return text;
    }

    bool dollarQuote(std::vector<Token> &out)
    {
        // $1 is a parameter; $tag$ or $$ opens a string that ends at the same tag.
        qsizetype j = m_i + 1;
        const qsizetype n = m_s.size();
        if (j < n && m_s[j].isDigit())
            return false;
        while (j < n && m_s[j] != QLatin1Char('$')) {
            if (!identPart(m_s[j]) || m_s[j] == QLatin1Char('$'))
                return false;
            ++j;
        }
        if (j >= n)
            return false;
        const QString tag = m_s.mid(m_i, j - m_i + 1);
        const qsizetype end = m_s.indexOf(tag, j + 1);
        const qsizetype stop = end < 0 ? n : end;
        out.push_back({Token::Kind::String, m_s.mid(j + 1, stop - j - 1)});
        m_i = end < 0 ? n : end + tag.size();
        return true;
    }

    const QString &m_s;
    bool m_standard = true;
    qsizetype m_i = 0;
};

} // namespace statescope::browse::detail

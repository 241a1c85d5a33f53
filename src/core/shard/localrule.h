#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace statescope::shard {

// A shard rule the program evaluates itself, so a routed read asks one server once (the
// read) rather than twice (the rule, then the read). Two forms are known, as written and as
// pg_get_expr prints them:
//   a hex prefix of the key:  ('x' || substr(player_id::text, 1, 2))::bit(8)::int % 8
//   an integer's remainder:   k % 4, abs(k) % 4, mod(k, 4)
// Recognising the text is not trusted alone: ShardReader proves the form on the server, per
// column type, over values that cover it (samples()), before it evaluates anything here; a
// value written in a way the program does not read exactly as the server would is left to
// the server (evaluate() says nullopt).
class LocalRule
{
public:
    enum class Form { HexPrefix, Remainder };

    static std::optional<LocalRule> recognise(const QString &expression);

    Form form() const { return m_form; }
    // The column the rule reads, as the server names it (an unquoted name folded to lower case).
    QString column() const { return m_column; }
    // Whether the program can evaluate the rule for a column of this type (format_type()).
    bool handles(const QString &type) const;
    // The rule's value for `value` of a column typed `type`; nullopt: ask the server.
    std::optional<int> evaluate(const QString &type, const QString &value) const;
    // Values of `type` whose results prove the form on a server: every prefix (or a spread of
    // them), the remainders around zero and at the type's ends.
    QStringList samples(const QString &type) const;

private:
    Form m_form = Form::Remainder;
    QString m_column;
    int m_digits = 0;   // HexPrefix: how many leading characters, as hex digits
    qint64 m_modulus = 0;
    bool m_absolute = false; // Remainder: abs() of the key first
    QString m_cast;          // Remainder: the integer type the key is cast to first, if any
};

} // namespace statescope::shard

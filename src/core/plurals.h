#pragma once

#include <QTranslator>

namespace statescope {

// English plurals for the strings written with a count (tr("%n week(s)", nullptr, n)): with
// no translation for them, Qt would show "1 week(s)". This translator, installed first (so
// every real translation comes before it), gives "1 week" and "3 weeks": "(s)" and "(es)"
// are added for any count but one, "(ies)" reads "y" for one. Strings without a count, and
// every other language, are left to the translators installed after it.
class EnglishPlurals : public QTranslator
{
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }

    // The source text as English says it for n.
    static QString resolve(QString text, int n);
};

} // namespace statescope

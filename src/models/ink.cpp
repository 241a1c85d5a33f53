#include "models/ink.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace statescope::models::ink {

namespace {

constexpr double kRatio = 4.5;

// The palette's colours; without a GUI application (a model in a unit test or a tool) the
// light defaults.
bool gui()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

QColor paletteColour(QPalette::ColorRole role)
{
    if (gui())
        return QGuiApplication::palette().color(role);
    switch (role) {
    case QPalette::Text: return QColor(Qt::black);
    case QPalette::AlternateBase: return QColor(0xf7, 0xf7, 0xf7);
    default: return QColor(Qt::white);
    }
}

bool darkPalette()
{
    return paletteColour(QPalette::Base).lightnessF() < 0.5;
}

double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor mix(const QColor &a, const QColor &b, double amount)
{
    const double t = std::clamp(amount, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// The hue of each meaning: a darker one for light palettes, a lighter one for dark.
QColor hue(Meaning meaning, bool dark)
{
    switch (meaning) {
    case Meaning::Danger: return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb4, 0x1c, 0x1c);
    case Meaning::Success: return dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37);
    case Meaning::Warning: return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    case Meaning::Changed: return dark ? QColor(0xd2, 0xa8, 0x3c) : QColor(0x8a, 0x5a, 0x00);
    case Meaning::Muted: return dark ? QColor(0x9d, 0xa5, 0xb0) : QColor(0x5f, 0x66, 0x70);
    case Meaning::Link: return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x00, 0x5c, 0xc5);
    case Meaning::Admin: return dark ? QColor(0xff, 0xa6, 0x57) : QColor(0xa4, 0x4a, 0x00);
    }
    return {};
}

// The tint of a fill: the bright version of each hue.
QColor tint(Meaning meaning)
{
    switch (meaning) {
    case Meaning::Danger: return QColor(0xe5, 0x48, 0x4d);
    case Meaning::Success: return QColor(0x30, 0xa4, 0x6c);
    case Meaning::Warning:
    case Meaning::Changed: return QColor(0xf5, 0xb0, 0x20);
    case Meaning::Muted: return QColor(0x88, 0x88, 0x88);
    case Meaning::Link: return QColor(0x3b, 0x82, 0xf6);
    case Meaning::Admin: return QColor(0xf0, 0x80, 0x20);
    }
    return {};
}

QColor filled(Meaning meaning, double amount)
{
    const QColor base = paletteColour(QPalette::Base), ink = paletteColour(QPalette::Text);
    // Less tint until the palette's text reads on it.
    for (double a = amount; a > 0.02; a -= 0.03) {
        const QColor c = mix(base, tint(meaning), a);
        if (contrast(ink, c) >= kRatio)
            return c;
    }
    return mix(base, tint(meaning), 0.05);
}

} // namespace

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readable(const QColor &colour, const QColor &background, double ratio)
{
    if (contrast(colour, background) >= ratio)
        return colour;
    // Towards black on a light background, towards white on a dark one.
    const QColor end = luminance(background) > 0.18 ? QColor(Qt::black) : QColor(Qt::white);
    for (double t = 0.05; t < 1.0; t += 0.05) {
        const QColor c = mix(colour, end, t);
        if (contrast(c, background) >= ratio)
            return c;
    }
    return end;
}

QColor text(Meaning meaning, const QColor &background)
{
    return readable(hue(meaning, background.lightnessF() < 0.5), background);
}

QColor text(Meaning meaning)
{
    const QColor base = paletteColour(QPalette::Base);
    // Readable on the base and on the alternate rows' colour.
    const QColor alternate = paletteColour(QPalette::AlternateBase);
    QColor c = readable(hue(meaning, darkPalette()), base);
    return readable(c, alternate);
}

QColor fill(Meaning meaning)
{
    return filled(meaning, darkPalette() ? 0.40 : 0.28);
}

QColor faintFill(Meaning meaning)
{
    return filled(meaning, darkPalette() ? 0.18 : 0.10);
}

} // namespace statescope::models::ink

#include "format.h"

#include <QLocale>

namespace statescope::format {

QString bytes(qint64 count, bool c)
{
    const QLocale locale = c ? QLocale::c() : QLocale();
    return locale.formattedDataSize(count, count < 1024 ? 0 : 1, QLocale::DataSizeIecFormat);
}

QByteArray csvField(QByteArrayView value)
{
    const bool quote = value.contains(',') || value.contains('"') || value.contains('\n') || value.contains('\r')
                       || value.startsWith(' ') || value.endsWith(' ');
    QByteArray bytes = value.toByteArray();
    if (!quote)
        return bytes;
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

} // namespace statescope::format

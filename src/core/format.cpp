#include "format.h"

#include <QLocale>

namespace statescope::format {

QString bytes(qint64 count, bool c)
{
    const QLocale locale = c ? QLocale::c() : QLocale();
    return locale.formattedDataSize(count, count < 1024 ? 0 : 1, QLocale::DataSizeIecFormat);
}

} // namespace statescope::format

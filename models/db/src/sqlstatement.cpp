#include "sqlstatement.h"

QString SqlStatement::bind(const QString &value)
{
    return bind(value.toUtf8());
}

QString SqlStatement::bind(const QByteArray &value)
{
    params.append(value);
    return QLatin1Char('$') + QString::number(params.size());
}

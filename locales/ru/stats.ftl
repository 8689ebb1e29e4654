## Statistics for caseworkers and admins: counts only, no case contents

stats-title = Статистика дел
stats-as-of = на { $time } по времени Бишкека
stats-total = Всего дел: { $total }, из них срочных: { $urgent }.
stats-first-action = Первое действие по делу — через { $hours } ч после отправки (≈ { $days } дн.), это медиана; дел с действием: { $cases }.
stats-first-action-none = Ни по одному делу ещё не было действий.
stats-by-status = По статусу
stats-by-region = По региону
stats-by-place = По типу места
stats-by-month = По месяцу отправки
stats-row = { $label }: { $count }
stats-month = { $month ->
    [1] январь
    [2] февраль
    [3] март
    [4] апрель
    [5] май
    [6] июнь
    [7] июль
    [8] август
    [9] сентябрь
    [10] октябрь
    [11] ноябрь
   *[12] декабрь
  } { $year }
stats-month-short = { $month ->
    [1] янв
    [2] фев
    [3] мар
    [4] апр
    [5] май
    [6] июн
    [7] июл
    [8] авг
    [9] сен
    [10] окт
    [11] ноя
   *[12] дек
  } { $year }
stats-subscribers = Подписчики новостей: { $total }
stats-subscribers-by-region = Подписчики по региону
stats-subscribers-no-region = Никто не указал регион.
stats-broadcasts = Рассылок: { $count }
stats-broadcasts-totals = Отправлено сообщений: { $sent }, не доставлено: { $failed }, заблокировали бота: { $blocked }.

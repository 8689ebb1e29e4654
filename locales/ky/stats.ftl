## Statistics for caseworkers and admins: counts only, no case contents

stats-title = Иштердин статистикасы
stats-as-of = { $time } абалы боюнча, Бишкек убактысы менен
stats-total = Бардык иштер: { $total }, алардын ичинен шашылыштары: { $urgent }.
stats-first-action = Иш боюнча биринчи аракет жөнөтүлгөндөн { $hours } сааттан кийин көрүлөт (≈ { $days } күн), бул медиана; аракет көрүлгөн иштер: { $cases }.
stats-first-action-none = Азырынча бир да иш боюнча аракет көрүлө элек.
stats-by-status = Абалы боюнча
stats-by-region = Аймагы боюнча
stats-by-place = Жайдын түрү боюнча
stats-by-month = Жөнөтүлгөн айы боюнча
stats-row = { $label }: { $count }
stats-month = { $year }-ж. { $month ->
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
  }
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
stats-subscribers = Жаңылыктарга жазылуучулар: { $total }
stats-subscribers-by-region = Жазылуучулар аймак боюнча
stats-subscribers-no-region = Эч ким аймагын көрсөткөн жок.
stats-broadcasts = Таратуулар: { $count }
stats-broadcasts-totals = Жөнөтүлгөн билдирүүлөр: { $sent }, жеткирилген жок: { $failed }, ботту бөгөттөгөндөр: { $blocked }.

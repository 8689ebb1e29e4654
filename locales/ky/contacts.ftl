## Contacts and official channels (names, numbers and addresses come from the profile file)

contacts-hotline = Ишеним телефону
contacts-website = Сайт
contacts-email = Эл. почта
contacts-address = Дарек
contacts-official-bot = Расмий бот
contacts-referrals = Жардам бере турган башка уюмдар
contacts-official-button = 🛡 Расмий каналдар
official-title = Расмий каналдар: { $org }
official-warning = ⚠️ Жасалма боттор бар: алар аталышты жана сүрөттү көчүрүшөт. Боттун атын тамгама-тамга текшериңиз. Шектенсеңиз же Telegram иштебей калса, жогорудагы каналдар аркылуу биз менен байланышыңыз.
official-warning-no-bot = ⚠️ Жасалма боттор бар: алар аталышты жана сүрөттү көчүрүшөт. Расмий ботубуздун аты бул жерде азырынча көрсөтүлгөн эмес, ошондуктан шектенсеңиз же Telegram иштебей калса, жогорудагы байланыштар аркылуу биз менен байланышыңыз.

## Contacts and official channels (names, numbers and addresses come from the profile file)

contacts-hotline = Ишеним телефону
contacts-website = Сайт
contacts-email = Эл. почта
contacts-address = Дарек
contacts-official-bot = Расмий бот
contacts-referrals = Жардам бере турган башка уюмдар
contacts-official-button = 🛡 Расмий каналдар
official-title =
    Расмий каналдар{ $named ->
        [yes] : { $org }
       *[no] {""}
    }
official-warning = ⚠️ Жасалма боттор бар: алар боттун аталышын жана сүрөтүн көчүрүп алышат. Боттун атын тамгама-тамга салыштырыңыз. Шектенсеңиз же Telegram иштебей калса, жогорудагы каналдар аркылуу биз менен байланышыңыз.
contacts-unnamed = Бул бот өзүн жүргүзгөн жана билдирүүлөрдү окуган уюмдун атын азырынча көрсөткөн жок. Ошондуктан азырынча билдирүүңүздү ким окуй турганын айта албайбыз; төмөндө — түз кайрылса боло турган уюмдар.

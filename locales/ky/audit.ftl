## /audit: an admin reads, filters and exports the audit of staff actions

audit-title = Аракеттер журналы
audit-title-case = Аракеттер журналы: { $code } иши
audit-title-staff = Аракеттер журналы: { $name }
audit-empty = Жазуулар жок.
audit-nothing-yet = Акыркы жазуулардын арасында мындайлар жок; «Эскирээк» баскычы андан ары издейт.
audit-newer = ⬅️ Жаңыраак
audit-older = Эскирээк ➡️
audit-all = ✖️ Бардык жазуулар
audit-export = ⬇️ CSV жүктөп алуу
audit-export-done = Аракеттер журналы толугу менен, убакыт — Бишкек убактысы. Файлды сактап коюңуз: жүктөлүп алынгандан кийин эски жазуулар боттон өчүрүлүшү мүмкүн.
audit-usage = /audit — бүт журнал; /audit жана иштин коду (мисалы, /audit K7M-4QX-9TD) — ошол иш боюнча жазуулар; /audit жана кызматкердин Telegram ID'си — анын аракеттери.
audit-action-opened = ишти көрүү
audit-action-note = эскертме
audit-action-assigned = дайындалды: { $person }
audit-action-status = абалы: { $status }
audit-action-export-plain = иштерди жүктөө (жалпы талаалар)
audit-action-export-content = иштерди тексттери менен жүктөө
audit-action-role-grant = «{ $role }» ролу берилди: { $person }
audit-action-role-revoke = «{ $role }» ролу алынды: { $person }
audit-action-audit-view = журналды көрүү
audit-action-audit-export = журналды жүктөө

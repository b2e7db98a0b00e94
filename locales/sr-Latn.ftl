# Kolega — interface text in Serbian, Latin script.
# The Cyrillic interface is derived from this file by transliteration, so
# write proper Serbian Latin (č, ć, š, ž, đ, dž, lj, nj) and keep brand names
# that must not be transliterated inside string literals: { "ChildHub" }.
# Every message here must also exist in en.ftl (a test checks it).

## Layout

site-name = Kolega
site-tagline = Zajednica socijalnih radnika, nastavnika i studenata
skip-to-content = Preskoči na sadržaj
nav-label = Glavna navigacija
nav-menu = Meni
nav-menu-waiting = novo ili čeka vašu odluku
filters-title = Filteri
nav-home = Početna
nav-about = O Kolegi
nav-groups = Grupe
nav-events = Događaji
nav-library = Biblioteka
nav-members = Kolege
nav-admin = Administracija
nav-settings = Podešavanja
nav-sign-in = Prijava
nav-sign-out = Odjava
nav-join = Učlanite se
footer-online = Na mreži: { $members ->
        [one] { $members } član
        [few] { $members } člana
       *[other] { $members } članova
    } i { $guests ->
        [one] { $guests } gost
        [few] { $guests } gosta
       *[other] { $guests } gostiju
    }
language-switch-label = Jezik i pismo
footer-label = Podnožje
footer-guidelines = Pravila zajednice
footer-privacy = Privatnost
footer-child-safeguarding = Zaštita dece
footer-about = O Kolegi
footer-note = Kolega je mesto gde se pomažu pomagači. Ne objavljujte podatke po kojima se može prepoznati korisnik ili dete.
breadcrumbs-label = Putanja
breadcrumbs-home = Početna

## Home page for visitors

home-title = Mesto gde se pomažu pomagači
home-lead = Kolega okuplja praktičare iz centara za socijalni rad, udruženja i ustanova, nastavnike i studente socijalnog rada i socijalne politike iz Srbije i regiona. Ovde se pitamo, učimo jedni od drugih i podržavamo se.
home-quote = „Kada imam dilemu oko dece koja prose na ulici, otvorim platformu i pročitam protokol.“
home-quote-source = praktičarka iz centra za socijalni rad
home-what-title = Šta Kolega donosi
home-groups-title = Grupe za razgovor
home-groups-text = Postavite pitanje kolegama, podelite dilemu iz prakse (bez podataka o korisnicima) i dobijte odgovor od ljudi koji rade isti posao. Studenti se pridružuju grupama svojih predmeta.
home-events-title = Vebinari i supervizija
home-events-text = Vebinari, supervizijski i regionalni susreti, okrugli stolovi i obuke, sa prijavom, podsetnicima i bodovima za obnovu licence.
home-library-title = Biblioteka
home-library-text = Protokoli, smernice, brošure za građane i prevodi stručnih tekstova, na jednom mestu i provereni od moderatora.
home-services-title = Mapa usluga
home-services-text = Ko u kojoj opštini pruža koju socijalnu uslugu: dnevni boravci, pomoć u kući, sigurne kuće, SOS linije, savetovališta.
home-care-title = Pomoć pomagačima
home-care-text = Posao u socijalnoj zaštiti je težak. U grupama za brigu o sebi razgovarate sa kolegama (i anonimno), a Poverljiva podrška je razgovor nasamo sa jednim kolegom iz tima za podršku.
home-region = Za Srbiju, Crnu Goru, Bosnu i Hercegovinu, Severnu Makedoniju i ceo region, na srpskom (latinica i ćirilica) i engleskom.
home-featured-title = Istaknuto iz biblioteke
home-featured-all = Cela biblioteka
home-featured-empty-moderator = Još ništa nije istaknuto. Istaknite resurs sa njegove stranice: u delu „Za moderatore” označite „Istaknuto na početnoj strani”.
home-featured-browse = Otvorite biblioteku

## Content pages

page-about = O Kolegi
page-guidelines = Pravila zajednice
page-privacy = Obaveštenje o privatnosti
page-child-safeguarding = Politika zaštite dece

## Counts

member-count =
    { $count ->
        [one] { $count } član
        [few] { $count } člana
       *[other] { $count } članova
    }

## Error pages

error-code-label = Greška
error-back-home = Nazad na početnu
error-try-again = Vratite se na prethodnu stranicu, osvežite je i pokušajte ponovo.
error-400-title = Zahtev nije ispravan
error-400-text = Poslati podaci nisu u očekivanom obliku. Vratite se, proverite unos i pokušajte ponovo.
error-401-title = Potrebna je prijava
error-401-text = Ova stranica je dostupna samo prijavljenim članovima.
error-403-title = Pristup nije dozvoljen
error-403-text = Nemate dozvolu da vidite ovu stranicu ili uradite ovu radnju. Ako mislite da je to greška, obratite se moderatorima.
error-csrf-title = Obrazac je istekao ili nije poslat sa ove stranice
error-csrf-text = Radi vaše bezbednosti prihvatamo samo obrasce poslate sa stranica Kolege. To se dešava i kada je stranica dugo bila otvorena ili su kolačići isključeni.
error-404-title = Stranica nije pronađena
error-404-text = Stranica koju tražite ne postoji ili je premeštena. Proverite adresu ili krenite od početne stranice.
error-405-title = Ova radnja nije dozvoljena ovde
error-405-text = Ova adresa ne prihvata takav zahtev.
error-408-title = Zahtev je trajao predugo
error-408-text = Server nije stigao da odgovori na vreme. Pokušajte ponovo za koji trenutak.
error-409-title = Sukob izmena
error-409-text = Neko je u međuvremenu izmenio isti sadržaj. Osvežite stranicu i pokušajte ponovo.
error-413-title = Poslato je previše podataka
error-413-text = Tekst ili datoteka su preveliki. Skratite ih i pokušajte ponovo.
error-500-title = Nešto nije u redu na našoj strani
error-500-text = Došlo je do greške koju smo zabeležili. Ništa što ste uneli nije izgubljeno ako se vratite na prethodnu stranicu. Pokušajte ponovo za koji trenutak.
error-503-title = Kolega je privremeno nedostupna
error-503-text = Baza podataka trenutno ne odgovara. Pokušajte ponovo za minut.
error-storage-title = Datoteka trenutno nije dostupna
error-storage-text = Skladište datoteka ne odgovara. Ostali delovi Kolege rade; pokušajte ponovo za nekoliko minuta.

## E-mail

email-greeting = Poštovani/a { $name },
email-footer = Ovu poruku vam je poslala Kolega, zajednica socijalnih radnika, nastavnika i studenata.
email-account-created-subject = Vaš nalog na Kolegi je otvoren
email-account-created-body = Administrator vam je otvorio nalog na Kolegi. Prijavite se svojom adresom e-pošte i lozinkom koju ste dobili od administratora, a zatim je promenite u podešavanjima.
email-sign-in = Prijavite se

## Forms

form-has-errors = Obrazac ima greške. Ispravite ih i pošaljite ponovo:
field-name = Ime i prezime
field-email = Adresa e-pošte
field-password = Lozinka
field-new-password = Nova lozinka
field-confirm-password = Ponovite novu lozinku
field-current-password = Sadašnja lozinka
field-new-email = Nova adresa e-pošte
field-profession = Profesionalna uloga
field-country = Država
field-city = Grad ili opština
field-institution = Ustanova ili organizacija
field-institution-hint = Na primer: Centar za socijalni rad Vranje, fakultet, udruženje.
field-expertise = Oblasti rada
field-expertise-hint = Odvojite zarezom, na primer: zaštita dece, hraniteljstvo, nasilje u porodici.
field-bio = O meni
field-bio-hint = Nekoliko rečenica o vašem radu. Bez podataka o korisnicima.
field-locale = Jezik i pismo interfejsa
field-listed = Kolege mogu da me pronađu u imeniku članova
online-title = Ko je tu
online-lead = Kolege koje su bile na Kolegi u poslednjih pet minuta i izabrale da budu prikazane. Ostali su samo izbrojani.
online-empty = Niko od onih koji su izabrali da budu prikazani trenutno nije tu.
online-others = { $count ->
    [one] i još { $count } član ili članica koji nisu prikazani
    [few] i još { $count } člana koji nisu prikazani
   *[other] i još { $count } članova koji nisu prikazani
}
online-guests = { $count ->
    [one] { $count } gost bez prijave
    [few] { $count } gosta bez prijave
   *[other] { $count } gostiju bez prijave
}
online-not-shown = Vi niste na ovoj listi. Ako želite da vas kolege vide ovde, uključite to u
online-settings-link = podešavanjima profila
field-shown-online = Kolege mogu da vide kada sam na Kolegi (lista „Ko je tu”); inače sam samo u broju
password-hint = Najmanje 10 znakova. Izbegavajte česte lozinke i lozinke koje sadrže vaše ime ili adresu.
error-name-required = Upišite ime i prezime.
error-email-invalid = Upišite ispravnu adresu e-pošte, na primer ime@primer.rs.
error-email-same = To je već vaša adresa.
error-email-ascii = Kolega ne može da šalje na adresu sa slovima kao što su č, ć, š, ž, đ ili ćirilica: ne prihvata ih svaki server e-pošte. Upišite adresu bez njih.
error-choose-profession = Izaberite profesionalnu ulogu.
error-choose-country = Izaberite državu.
error-choose-language = Izaberite jezik.
error-too-long = Najviše { $max } znakova.
error-accept-guidelines = Da biste se učlanili, prihvatite pravila zajednice.
error-accept-safeguarding = Da biste se učlanili, prihvatite politiku zaštite dece.
error-password-wrong = Lozinka nije tačna.
error-passwords-differ = Lozinke se ne poklapaju.
error-last-admin-delete = Vi ste jedini administrator. Prvo dodelite ulogu administratora nekom drugom.
password-too-short = Lozinka mora imati najmanje 10 znakova.
password-too-common = Ova lozinka je među najčešćim lozinkama. Izaberite neku koju je teže pogoditi.
password-contains-personal = Lozinka ne sme da sadrži vaše ime ili adresu e-pošte.

profession-practitioner = Praktičar/ka
profession-student = Student/kinja
profession-teacher = Nastavnik/ca
role-practitioner = Praktičar/ka
role-student = Student/kinja
role-teacher = Nastavnik/ca
role-moderator = Moderator/ka
role-admin = Administrator/ka
country-RS = Srbija
country-ME = Crna Gora
country-BA = Bosna i Hercegovina
country-HR = Hrvatska
country-MK = Severna Makedonija
country-XK = Kosovo
country-AL = Albanija
country-SI = Slovenija
country-other = Druga država

pagination-label = Stranice
pagination-next = Sledeća stranica
pagination-previous = Prethodna stranica
pagination-first = Prva stranica

## Joining and signing in

register-title = Učlanite se
register-lead = Kolega je zajednica praktičara, nastavnika i studenata socijalnog rada i socijalne politike. Članstvo je besplatno.
register-email-hint = Na ovu adresu šaljemo link za potvrdu.
register-accept-legend = Pravila koja prihvatam
register-accept-guidelines = Pročitao/la sam i prihvatam pravila zajednice
register-accept-safeguarding = Pročitao/la sam i prihvatam politiku zaštite dece
register-submit = Učlani me
register-have-account = Već ste član?
register-done-title = Proverite e-poštu
register-done-text = Ako je adresa ispravna, poslali smo vam poruku sa linkom za potvrdu. Link važi 48 sati.
register-done-spam = Ako poruku ne vidite za nekoliko minuta, pogledajte i fasciklu za neželjenu poštu.
verify-done-title = Adresa je potvrđena
verify-done-text = Hvala! Vaša adresa e-pošte je potvrđena i možete da učestvujete u zajednici.
verify-done-pending = Hvala! Adresa je potvrđena. Moderatori će pregledati vaš zahtev za članstvo i javiti vam odluku e-poštom.
verify-invalid-title = Link nije važeći
verify-invalid-text = Ovaj link za potvrdu je već iskorišćen ili je istekao. Prijavite se i zatražite novi.
verify-taken-title = Adresa je već u upotrebi
verify-taken-text = U međuvremenu je drugi nalog počeo da koristi ovu adresu, pa je ne možemo dodeliti vašem nalogu.
verify-needed-title = Potvrdite adresu e-pošte
verify-needed-text = Dok ne potvrdite adresu, možete da čitate, ali ne i da objavljujete ili se prijavljujete za događaje. Poslali smo link na adresu:
notice-verify-first = Potvrdite adresu e-pošte da biste se učlanjivali u grupe, pisali i prijavljivali se za događaje.
notice-awaiting-approval = Vaš nalog čeka odobrenje moderatora Kolege; javićemo vam e-poštom. Do tada možete da čitate, a učlanjivanje u grupe, pisanje i prijave za događaje biće otvoreni kada nalog bude odobren.
notice-not-approved = Vaš zahtev za članstvo na Kolegi nije odobren, pa ne možete da se učlanjujete u grupe, pišete ni prijavljujete za događaje.
verify-resend = Pošalji link ponovo
verify-resent = Poslali smo novi link za potvrdu.
login-title = Prijava
login-remember = Zapamti me na ovom uređaju (30 dana)
login-submit = Prijavi se
login-forgot = Zaboravili ste lozinku?
login-no-account = Niste član?
login-failed = Adresa e-pošte ili lozinka nisu tačni.
login-locked = Previše neuspešnih pokušaja prijave. Pokušajte ponovo posle { $time }.
login-blocked = Ovaj nalog je blokiran. Ako mislite da je to greška, pišite moderatorima.
login-declined = Zahtev za članstvo sa ovim nalogom nije odobren.
signed-out = Odjavljeni ste.
signed-out-everywhere = Odjavljeni ste sa svih uređaja.
forgot-title = Zaboravljena lozinka
forgot-lead = Upišite adresu kojom se prijavljujete. Poslaćemo vam link za novu lozinku.
forgot-submit = Pošalji link
forgot-sent-title = Proverite e-poštu
forgot-sent-text = Ako postoji nalog sa tom adresom, poslali smo na nju link za novu lozinku. Link važi jedan sat.
forgot-again = Zatražite novi link
reset-title = Nova lozinka
reset-submit = Sačuvaj novu lozinku
reset-expired-title = Link je istekao
reset-expired-text = Ovaj link za novu lozinku je već iskorišćen ili je istekao (važi jedan sat).
password-changed = Lozinka je promenjena. Prijavite se novom lozinkom.

## Settings

settings-title = Podešavanja
settings-profile = Profil
settings-save = Sačuvaj
settings-saved = Podešavanja su sačuvana.
settings-email = Adresa e-pošte
settings-email-current = Sadašnja adresa:
settings-email-hint = Nova adresa važi tek kada je potvrdite linkom koji ćemo poslati na nju.
settings-email-submit = Promeni adresu
settings-email-sent = Poslali smo link za potvrdu na novu adresu. Do potvrde važi stara adresa.
settings-password = Lozinka
settings-password-submit = Promeni lozinku
settings-password-changed = Lozinka je promenjena. Ostali uređaji su odjavljeni.
settings-sessions = Uređaji
settings-sessions-text = Ako ste se prijavili na tuđem računaru ili ste izgubili telefon, odjavite se sa svih uređaja odjednom.
settings-sessions-submit = Odjavi me sa svih uređaja
settings-data = Moji podaci
settings-data-text = Preuzmite sve što Kolega čuva o vama: ZIP arhivu sa stranicom koju možete da čitate i odštampate (index.html) i istim podacima za programe (data.json).
settings-data-download = Preuzmi moje podatke
settings-delete = Brisanje naloga
settings-delete-text = Brisanje naloga se ne može opozvati. Ako želite da sačuvate svoje podatke, prvo ih preuzmite.
settings-delete-erased = Odmah brišemo:
settings-delete-erased-profile = vaše ime, adresu e-pošte, lozinku i profil (ustanova, grad, biografija, oblasti rada, datum licence) i vaš upis u imeniku;
settings-delete-erased-account = vaše prijave na uređajima, obaveštenja i njihova podešavanja, e-poruke koje vam je Kolega napisao i teme biblioteke koje pratite;
settings-delete-erased-groups = vaša članstva u grupama (i uloge vlasnika i moderatora), dokle ste čitali i teme koje pratite;
settings-delete-erased-events = vaše prijave na događaje (mesto koje ste imali na događaju koji tek predstoji dobija sledeći sa liste čekanja), vaše bodove za licencu i sertifikate, koji se posle toga više ne mogu proveriti, vaš kalendar, uloge organizatora i predavača i vaše glasove za predloge;
settings-delete-erased-courses = kurseve na koje ste se upisali i lekcije koje ste označili kao završene;
settings-delete-erased-support = vaše zahteve za podršku kolega sa razgovorima i vaše mesto u timu za podršku.
settings-delete-kept = Ostaje, potpisano kao „bivši član”, da razgovori ostanu razumljivi:
settings-delete-kept-posts = vaše teme i poruke u grupama, sa ranijim verzijama (anonimne ostaju anonimne);
settings-delete-kept-support = ono što ste pisali kao podrška kolegi, u razgovoru tog člana;
settings-delete-kept-contributions = vaši predlozi događaja, supervizijski slučajevi, resursi koje ste predali biblioteci (i nacrti), kursevi koje ste napisali i predlozi za mapu usluga.
settings-delete-records = Ostaje i, bez vašeg imena, kao što se i sada prikazuje: vaše ocene događaja i supervizijske beleške; i zapisi koji se čuvaju radi moderacije i bezbednosti: da ste prisustvovali održanim događajima (u brojkama o prisustvu), prijave poruka koje ste podneli i upozorenja koja ste dobili u grupama, i evidencija šta ste čitali ili menjali kao supervizor ili moderator.
settings-delete-submit = Trajno obriši moj nalog
account-deleted = Vaš nalog je obrisan. Hvala vam što ste bili deo zajednice.

## Colleagues

directory-title = Imenik kolega
directory-search = Traži po imenu, ustanovi ili gradu
directory-search-hint = Svejedno je da li pišete latinicom ili ćirilicom, sa ili bez kvačica.
directory-role = Uloga
directory-any = Sve
directory-submit = Traži
directory-empty = Nema kolega koji odgovaraju pretrazi. Pokušajte sa manje reči ili bez filtera.
profile-place = Mesto
profile-edit = Izmeni svoj profil

## Administration

admin-title = Članovi
admin-site-settings = Podešavanja sajta
admin-issuer = Ustanova koja izdaje potvrde o učešću
admin-issuer-hint = Štampa se na svakoj potvrdi, npr. „Fakultet političkih nauka, Univerzitet u Beogradu”. Prazno: „Kolega”.
admin-issuer-too-long = Naziv ustanove može imati najviše 160 znakova.
admin-require-approval = Novi nalozi čekaju odobrenje moderatora posle potvrde adrese
admin-settings-saved = Podešavanja sajta su sačuvana.
admin-search = Traži po imenu, ustanovi, gradu ili adresi
admin-status = Prikaži
admin-status-all = Sve članove
admin-status-pending = Zahteve koji čekaju odobrenje
admin-status-blocked = Blokirane članove
admin-empty = Nema članova koji odgovaraju pretrazi.
admin-role = Uloga
admin-state = Stanje
admin-actions = Radnje
admin-state-blocked = blokiran
admin-state-unverified = adresa nije potvrđena
admin-state-pending = čeka odobrenje
admin-state-declined = odbijen
admin-approve = Odobri
admin-decline = Odbij
admin-change-role = Promeni ulogu
admin-block = Blokiraj
admin-unblock = Odblokiraj
admin-role-changed = Uloga je promenjena.
admin-last-admin = Poslednji administrator ne može da izgubi ulogu administratora.
admin-blocked = Član je blokiran i odjavljen sa svih uređaja.
admin-unblocked = Član je odblokiran.
admin-cannot-block-self = Ne možete blokirati sami sebe.
admin-approved = Zahtev je odobren; član je obavešten e-poštom.
admin-declined = Zahtev je odbijen; podnosilac je obavešten e-poštom.

## Members' e-mail

email-not-you = Ako niste vi tražili ovu poruku, slobodno je zanemarite.
email-verify-subject = Potvrdite adresu e-pošte za Kolegu
email-verify-body = Kliknite na link ispod da potvrdite da je ova adresa vaša.
email-verify-expiry = Link važi 48 sati i može se iskoristiti samo jednom.
email-verify-action = Potvrdi adresu
email-taken-subject = Pokušaj učlanjenja sa vašom adresom
email-taken-body = Neko je upravo pokušao da otvori nalog na Kolegi sa ovom adresom, ali vi već imate nalog. Ako ste to bili vi, prijavite se ili zatražite novu lozinku.
email-taken-action = Zatraži novu lozinku
email-reset-subject = Nova lozinka za Kolegu
email-reset-body = Zatražena je nova lozinka za vaš nalog. Kliknite na link ispod da je postavite.
email-reset-expiry = Link važi jedan sat i može se iskoristiti samo jednom.
email-reset-action = Postavi novu lozinku
email-password-changed-subject = Lozinka za Kolegu je promenjena
email-password-changed-body = Lozinka vašeg naloga je upravo promenjena i ostali uređaji su odjavljeni. Ako to niste bili vi, odmah zatražite novu lozinku.
email-approved-subject = Vaše članstvo na Kolegi je odobreno
email-approved-body = Moderatori su odobrili vaš zahtev. Dobro došli u zajednicu!
email-declined-subject = Vaš zahtev za članstvo na Kolegi
email-declined-body = Moderatori nisu odobrili vaš zahtev za članstvo. Ako mislite da je došlo do greške, odgovorite na ovu poruku.

## Groups

groups-title = Grupe
groups-lead = Grupe za razgovor o praksi, učenju i podršci. Ne objavljujte podatke po kojima se može prepoznati korisnik.
groups-empty = Još nema grupa koje možete da vidite. Praktičari i nastavnici mogu da otvore prvu.
groups-mine = moja grupa
groups-topic = Tema:
groups-all-topics = sve teme
groups-last-activity = poslednja aktivnost
thread-count =
    { $count ->
        [one] { $count } tema
        [few] { $count } teme
       *[other] { $count } tema
    }
reply-count =
    { $count ->
        [one] { $count } odgovor
        [few] { $count } odgovora
       *[other] { $count } odgovora
    }
unread-count =
    { $count ->
        [one] { $count } nepročitana
        [few] { $count } nepročitane
       *[other] { $count } nepročitanih
    }
visibility-public = Otvorena
visibility-closed = Zatvorena
visibility-secret = Tajna
visibility-explained-public = svi mogu da čitaju; članovi pišu.
visibility-explained-closed = vidljiva u spisku; sadržaj samo za članove; pristup odobrava moderator grupe.
visibility-explained-secret = nije u spisku; samo po pozivu.
group-readers-public = Ko čita: svako, i bez prijave — i pretraživači. Za poverljive teme izaberite zatvorenu grupu ili Poverljivu podršku.
group-readers-members =
    { $count ->
        [one] Ko čita: samo članovi grupe ({ $count } član) i moderatori sajta kada pregledaju prijavu.
        [few] Ko čita: samo članovi grupe ({ $count } člana) i moderatori sajta kada pregledaju prijavu.
       *[other] Ko čita: samo članovi grupe ({ $count } članova) i moderatori sajta kada pregledaju prijavu.
    }
language-sr = srpski / hrvatski / bosanski / crnogorski
language-en = engleski
language-mk = makedonski
language-sq = albanski
group-new-title = Otvori grupu
group-field-name = Naziv grupe
group-field-description = Opis
group-field-visibility = Ko vidi grupu
group-field-language = Jezik grupe
group-field-topics = Teme
group-field-topics-hint = Odvojite zarezom, na primer: zaštita dece, hraniteljstvo.
group-field-anonymous = Članovi mogu da pišu anonimno (samo u zatvorenoj ili tajnoj grupi, na primer u grupi za podršku pomagačima)
group-field-class = Grupa za predmet: studenti se učlanjuju kodom
markdown-hint = Možete koristiti Markdown: **podebljano**, _kurziv_, liste sa crticom, [link](https://…).
group-create = Otvori grupu
group-created = Grupa je otvorena.
error-group-name = Naziv mora imati najmanje 3 znaka.
error-group-visibility = Izaberite ko vidi grupu.
error-group-anonymous-public = Anonimno pisanje je moguće samo u grupi koju čitaju njeni članovi: javnu grupu čita svaki posetilac. Izaberite zatvorenu ili tajnu grupu, ili isključite anonimno pisanje.
group-join-title = Učlani se kodom
group-join-lead = Upišite kod koji ste dobili od nastavnika.
group-join-code = Kod grupe
group-join-submit = Učlani me
error-join-code = Nema grupe sa tim kodom. Proverite kod sa nastavnikom.
group-join-code-is = Kod za učlanjenje:
group-join = Učlani se
group-joined = Član ste grupe.
group-leave = Napusti grupu
group-left = Napustili ste grupu.
group-request = Zatraži članstvo
group-request-message = Poruka moderatorima grupe (nije obavezna)
group-requested = Vaš zahtev čeka odobrenje moderatora grupe.
group-members-only = Sadržaj ove grupe vide samo njeni članovi.
group-sign-in-to-join = Da biste se pridružili grupi, prijavite se.
threads-title = Teme
threads-empty = U grupi još nema tema. Započnite prvu.
thread-new-title = Nova tema
thread-field-title = Naslov
thread-create = Objavi temu
thread-pinned = istaknuto
thread-locked = zaključano
thread-locked-text = Tema je zaključana: novi odgovori nisu mogući.
thread-first-unread = Idi na prvu nepročitanu poruku
error-thread-title = Naslov mora imati najmanje 3 znaka.
error-post-empty = Napišite tekst poruke.
post-field-body = Tekst
post-body-hint = Markdown je dozvoljen. Bez imena, JMBG-a, adresa i telefona korisnika.
post-no-client-data = Opišite slučaj tako da se korisnik ne može prepoznati.
post-anonymous = Objavi kao anonimna kolegica ili kolega
post-anonymous-badge = objavljeno anonimno
post-edited = izmenjeno
post-deleted = Autor je obrisao ovu poruku.
post-reply-title = Odgovor
post-reply = Pošalji odgovor
anonymous-colleague = Anonimni kolega
former-member = Bivši član
personal-data-found = Tekst možda sadrži podatke o korisniku:
personal-data-jmbg = Tekst sadrži JMBG. Uklonite ga — JMBG se ne sme objaviti.
personal-data-phone = Tekst sadrži broj telefona.
personal-data-email = Tekst sadrži adresu e-pošte.
personal-data-address = Tekst sadrži adresu sa kućnim brojem.
personal-data-confirm = Proverio/la sam: ovo nisu podaci o korisniku
personal-data-confirm-needed = Uklonite lične podatke ili potvrdite da to nisu podaci o korisniku.
personal-data-name = Tekst sadrži ime i prezime.
personal-data-place = Tekst sadrži ime sela ili mesta.
personal-data-age = Tekst sadrži uzrast uz ime.
deident-found = Ovo može otkriti identitet osobe. Zamenite označeno neutralnim oznakama ili potvrdite da ne otkriva identitet.
deident-kind-jmbg = JMBG
deident-kind-phone = Telefon
deident-kind-email = E-pošta
deident-kind-address = Adresa
deident-kind-name = Ime i prezime
deident-kind-place = Selo ili mesto
deident-kind-age = Uzrast uz ime
deident-never = JMBG se ne može potvrditi, samo ukloniti
deident-choices = Dugme „Zameni oznakama“ menja svaki označeni deo oznakom kao što je [ime] i prikazuje vam tekst pre slanja.
deident-rewrite = Zameni oznakama
deident-rewritten = Označeni podaci su zamenjeni oznakama. Pročitajte tekst i pošaljite ga.
deident-confirm = Potvrđujem da označeno ne otkriva identitet (npr. telefon javne ustanove)
deident-confirm-needed = Zamenite označene podatke oznakama ili potvrdite baš za njih da ne otkrivaju identitet.
deident-confirm-changed = Tekst se promenio i u njemu su drugi podaci: pogledajte ih i potvrdite ponovo.
deident-placeholder-jmbg = [JMBG]
deident-placeholder-phone = [telefon]
deident-placeholder-email = [e-pošta]
deident-placeholder-address = [adresa]
deident-placeholder-name = [ime]
deident-placeholder-place = [mesto]
deident-placeholder-age = [uzrast]
group-members-title = Članovi grupe
group-members-manage = zahtevi, pozivi i uloge
group-members-empty = Grupa još nema članova.
group-invite-title = Pozovi kolegu
group-invite-who = Korisničko ime (@ime) ili adresa e-pošte člana Kolege
group-invite-submit = Pošalji poziv
group-invited = Ako postoji takav član, poslali smo mu poziv.
group-code-regenerate = Napravi novi kod
group-code-disable = Isključi kod
group-code-changed = Kod za učlanjenje je promenjen.
group-role-owner = vlasnik
group-role-moderator = moderator grupe
group-role-member = član
group-status-requested = čeka odobrenje
group-status-invited = pozvan
group-status-banned = isključen
group-status-active = član
group-make-moderator = Postavi za moderatora
group-make-member = Ukloni ulogu moderatora
group-remove = Ukloni iz grupe
group-ban = Isključi i zabrani povratak
group-request-approved = Zahtev je odobren; kolega je obavešten e-poštom.
group-request-declined = Zahtev je odbijen; kolega je obavešten e-poštom.
group-member-removed = Član je uklonjen iz grupe.
group-member-banned = Član je isključen iz grupe.
group-role-changed = Uloga u grupi je promenjena.
email-open-group = Otvori grupu
email-group-approved-subject = Primljeni ste u grupu „{ $group }”
email-group-approved-body = Moderatori grupe „{ $group }” odobrili su vaš zahtev. Dobro došli!
email-group-declined-subject = Vaš zahtev za grupu „{ $group }”
email-group-declined-body = Moderatori grupe „{ $group }” nisu odobrili vaš zahtev za članstvo.
email-group-invite-subject = Poziv u grupu „{ $group }”
email-group-invite-body = { $inviter } vas poziva u grupu „{ $group }” na Kolegi. Otvorite grupu i kliknite „Učlani se”.
post-quote = Citiraj
post-edit = Izmeni
post-delete = Obriši
post-edit-title = Izmena poruke
post-history-title = Ranije verzije
post-history-current = Sadašnji tekst
post-history-replaced = Verzija zamenjena
post-history-empty = Poruka nije menjana.
thread-pin = Istakni
thread-unpin = Ukloni isticanje
thread-lock = Zaključaj
thread-unlock = Otključaj
thread-move-to = Premesti u grupu
thread-move = Premesti
thread-updated = Tema je izmenjena.
thread-moved = Tema je premeštena.
thread-moderation-menu = Moderiranje teme
thread-move-placeholder = Izaberite grupu…
thread-move-none = Nema druge grupe koju moderirate u koju bi se tema mogla premestiti.
thread-move-choose = Izaberite grupu u koju premeštate temu.
thread-move-refused = Temu ne možete premestiti tamo: izaberite jednu od grupa koje moderirate.
group-follow = Prati grupu (e-pošta za nove teme)
group-unfollow = Ne prati grupu
group-following = Pratite grupu: javićemo vam za svaku novu temu.
group-not-following = Više ne pratite grupu.
thread-subscribed = Pratite ovu temu: javljamo vam za nove odgovore.
thread-follow-on = Pratite ovu temu ✓ — prestani da pratiš
thread-follow-off = Prati temu
thread-not-followed = Ne pratite ovu temu: odgovore vam ne šaljemo e-poštom.
thread-muted = Tema je utišana: ne šaljemo vam ništa o njoj.
thread-subscription-saved = Podešavanje obaveštenja za temu je sačuvano.
email-group-open-thread = Otvori temu
email-group-reply-public-subject = Novi odgovor u temi „{ $thread }”
email-group-reply-public-body = { $author } je odgovorio/la u temi „{ $thread }” u grupi „{ $group }”:
email-group-reply-private-subject = Novi odgovor u grupi „{ $group }”
email-group-reply-private-body = Stigao je novi odgovor u temi koju pratite u grupi „{ $group }”. Sadržaj grupe je poverljiv, pa ga ne šaljemo e-poštom.
email-group-new-thread-public-subject = Nova tema u grupi „{ $group }”: { $thread }
email-group-new-thread-public-body = { $author } je otvorio/la novu temu „{ $thread }” u grupi „{ $group }”:
email-group-new-thread-private-subject = Nova tema u grupi „{ $group }”
email-group-new-thread-private-body = U grupi „{ $group }” je otvorena nova tema. Sadržaj grupe je poverljiv, pa ga ne šaljemo e-poštom.
email-group-mention-public-subject = { $author } vas je pomenuo/la u grupi „{ $group }”
email-group-mention-public-body = { $author } vas je pomenuo/la u temi „{ $thread }”:
email-group-mention-private-subject = Pomenuti ste u grupi „{ $group }”
email-group-mention-private-body = Neko vas je pomenuo u grupi „{ $group }”. Sadržaj grupe je poverljiv, pa ga ne šaljemo e-poštom.
search-title = Pretraga razgovora
search-words = Reči
search-group = Grupa
search-all-groups = Sve grupe koje vidim
search-empty = Ništa nije pronađeno. Pokušajte sa manje ili drugim rečima.
nav-moderation = Moderacija
nav-moderation-waiting = čeka odluku
flag-link = Prijavi
flag-title = Prijava poruke moderatorima
flag-lead = Prijavite poruku koja krši pravila zajednice. Moderatori će je pregledati u roku od 24 sata.
flag-reason = Razlog
flag-reason-spam = Reklama ili neželjeni sadržaj
flag-reason-personal_data = Sadrži podatke o korisniku
flag-reason-harassment = Uznemiravanje ili uvreda
flag-reason-other = Nešto drugo
flag-note = Napomena za moderatore (nije obavezna)
flag-submit = Pošalji prijavu
flag-thanks = Hvala. Moderatori će pregledati prijavu.
moderation-title = Moderacija
moderation-empty = Nema otvorenih prijava.
moderation-flags-title = Prijavljene poruke
held-title = Poruke koje čekaju odobrenje
held-lead = U ovim grupama prva poruka novog člana čeka odobrenje. Dok ne odlučite, vidi je samo autor.
held-new-thread = nova tema
held-reason = Razlog, ako odbijate (šalje se autoru)
held-reason-hint = Na primer: poruka sadrži podatke po kojima se može prepoznati korisnik.
held-decline = Odbij
held-declined = Poruka je odbijena; autor je obavešten o razlogu.
held-already-decided = O toj poruci je već odlučeno.
held-error-reason = Napišite autoru zašto poruka nije objavljena.
moderation-note = Napomena autoru (šalje se ako sakrijete poruku, upozorite ili isključite autora)
moderation-warn = Upozori autora
moderation-ban = Isključi autora iz grupe
moderation-earlier-warnings = { $count ->
    [one] Autor je u ovoj grupi već upozoren { $count } put.
    [few] Autor je u ovoj grupi već upozoren { $count } puta.
   *[other] Autor je u ovoj grupi već upozoren { $count } puta.
}
moderation-kept-author-told = Poruka je zadržana; autor je obavešten.
moderation-hide = Sakrij poruku
moderation-keep = Zadrži poruku
moderation-hidden = Poruka je sakrivena; autor je obavešten.
moderation-kept = Poruka je zadržana.
moderation-already-decided = O toj poruci je već odlučio drugi moderator.
post-hidden = Moderatori su sakrili ovu poruku.
post-hidden-badge = sakriveno od strane moderatora
email-post-hidden-subject = Vaša poruka u grupi „{ $group }” je sakrivena
email-post-hidden-body = Moderatori grupe „{ $group }” sakrili su jednu vašu poruku jer krši pravila zajednice.
email-post-hidden-note = Napomena moderatora:
email-moderators-subject = Poruka moderatora grupe „{ $group }”
email-post-warned-body = Moderatori grupe „{ $group }” upozoravaju vas da jedna vaša poruka krši pravila zajednice. Ponovljeno kršenje pravila može dovesti do isključenja iz grupe.
email-post-banned-body = Više ne možete učestvovati u grupi „{ $group }”.

## Peer support

support-title = Poverljiva podrška
support-lead = Ako se osećate preopterećeno, iscrpljeno ili vam je potreban razgovor, pišite timu kolega za podršku. Jedan od njih će preuzeti vaš zahtev i razgovarati samo sa vama.
support-privacy = Ovo nije grupa i ništa odavde se ne objavljuje: vaš zahtev vidite samo vi i jedan kolega iz tima za podršku kada ga preuzme. Tim pre toga vidi samo temu koju izaberete, jezik i koliko zahtev čeka. Zahtev se ne pojavljuje u pretrazi, a poruke e-pošte ne sadrže tekst razgovora.
support-field-body = Šta vas muči?
support-field-hint = Pišite slobodno. Ne navodite podatke o korisnicima.
support-field-topic = O čemu želite da razgovarate?
support-field-topic-hint = Tim vidi samo temu, jezik i koliko zahtev čeka; vaš tekst pročita samo kolega koji preuzme zahtev.
support-field-language = Jezik razgovora
support-error-topic = Izaberite temu, da bi zahtev preuzeo kolega koji za nju ima iskustva.
support-topic-stress = Stres i preopterećenost
support-topic-burnout = Sagorevanje
support-topic-difficult-case = Težak slučaj koji me ne napušta
support-topic-workplace = Odnosi na poslu
support-topic-safety = Pretnje i bezbednost na poslu
support-topic-personal = Lična situacija
support-topic-other = Nešto drugo
support-queue-lead = Tekst zahteva vidi samo kolega koji ga preuzme. Preuzmite zahtev ako imate vremena za razgovor u narednim danima.
support-waited-minutes =
    { $count ->
        [one] čeka { $count } minut
        [few] čeka { $count } minuta
       *[other] čeka { $count } minuta
    }
support-waited-hours =
    { $count ->
        [one] čeka { $count } sat
        [few] čeka { $count } sata
       *[other] čeka { $count } sati
    }
support-waited-days =
    { $count ->
        [one] čeka { $count } dan
        [few] čeka { $count } dana
       *[other] čeka { $count } dana
    }
support-field-reply = Vaš odgovor
support-submit = Pošalji zahtev za podršku
support-sent = Zahtev je poslat timu za podršku. Javićemo vam kada ga neko preuzme.
support-mine = Moji razgovori
support-as-supporter = vi pružate podršku
support-status-open = čeka
support-status-taken = u toku
support-status-closed = završen
support-queue-title = Zahtevi za podršku
support-queue-empty = Nema zahteva koji čekaju.
support-take = Preuzmi razgovor
support-already-taken = Drugi kolega je već preuzeo taj zahtev.
support-conversation-title = Razgovor
support-waiting = Zahtev čeka da ga neko iz tima preuzme.
support-you = Vi
support-close = Završi razgovor
support-closed = Razgovor je završen.
support-team-title = Tim za podršku
support-team-lead = Kolege iz tima primaju zahteve za podršku i vode poverljive razgovore.
support-team-empty = Tim još nema članova.
support-team-handle = Korisničko ime člana
support-team-add = Dodaj u tim
support-team-remove = Ukloni iz tima
support-team-saved = Tim je ažuriran.
support-team-unknown = Nema člana sa tim korisničkim imenom.
email-support-open = Otvori
email-support-new-subject = Kolega traži podršku
email-support-new-body = Jedan kolega je poslao zahtev za podršku. Ako možete da razgovarate, preuzmite ga.
email-support-reminder-subject = Zahtev za podršku još čeka
email-support-reminder-body = Zahtev za podršku čeka već 24 sata. Ako možete da razgovarate, preuzmite ga.
email-support-taken-subject = Vaš zahtev za podršku je preuzet
email-support-taken-body = Kolega iz tima za podršku je preuzeo vaš zahtev. Odgovor vas čeka na Kolegi.
email-support-message-subject = Nova poruka u razgovoru za podršku
email-support-message-body = Stigla je nova poruka u vašem poverljivom razgovoru.
group-settings-title = Podešavanja grupe
group-settings-saved = Podešavanja grupe su sačuvana.
group-visibility-fixed = vidljivost se ne menja posle otvaranja grupe, da poverljivi razgovori ostanu poverljivi.
group-field-first-post-approval = Prva poruka novog člana čeka odobrenje moderatora
post-pending = čeka odobrenje moderatora
post-pending-saved = Vaša poruka čeka odobrenje moderatora grupe.
post-declined-badge = odbijeno
post-declined-explained = Moderator grupe nije objavio ovu poruku. Vidite je samo vi; razlog:
email-post-held-subject = Poruka čeka vaše odobrenje u grupi „{ $group }”
email-post-held-body = Nova poruka u grupi „{ $group }” čeka da je odobrite ili odbijete. Dok ne odlučite, vidi je samo autor.
email-post-held-action = Otvorite moderaciju
email-post-declined-subject = Vaša poruka u grupi „{ $group }” nije objavljena
email-post-declined-body = Moderator grupe „{ $group }” nije objavio vašu poruku. Vaš tekst je sačuvan i vidite ga samo vi. Razlog koji je moderator naveo:
email-post-declined-action = Pogledajte poruku
post-approved = Poruka je odobrena.

## Events
events-title = Događaji
events-when-label = Predstojeći ili prošli događaji
events-upcoming = Predstojeći
events-past = Prošli
events-empty = Nema predstojećih događaja za ove filtere. Probajte druge filtere ili predložite temu organizatorima.
events-empty-past = Nema prošlih događaja za ove filtere.
filter-all = Svi
filter-apply = Prikaži
event-kind-webinar = Vebinar
event-kind-supervision = Supervizijski sastanak
event-kind-regional_meeting = Regionalni sastanak
event-kind-round_table = Okrugli sto
event-kind-training = Obuka
event-kind-conference = Konferencija
event-new-title = Novi događaj
event-edit-title = Izmena događaja
event-field-kind = Vrsta
event-field-title = Naziv
event-field-description = Opis
event-field-start-date = Datum
event-field-start-time = Počinje u
event-field-end-date = Završava se
event-field-end-date-hint = Ostavite prazno ako se završava istog dana.
event-field-end-time = Završava se u
event-field-language = Jezik
event-field-speakers = Predavači koji nisu članovi
event-field-speakers-hint = Na primer: „dr Ana Petrović, Fakultet političkih nauka”.
event-field-audience = Ko može da dođe
event-audience-public = Svi (javno)
event-audience-members = Članovi Kolege
event-audience-group = Članovi grupe „{ $group }”
event-field-capacity = Broj mesta
event-field-capacity-hint = Ostavite prazno ako nema ograničenja. Kada se mesta popune, prijave idu na listu čekanja.
event-field-deadline-date = Prijave se zatvaraju
event-field-deadline-time = u
event-field-deadline-hint = Ostavite prazno da prijave budu otvorene do početka.
event-field-online-link = Link za onlajn učešće
event-field-online-link-hint = Vide ga samo prijavljeni učesnici.
event-field-address = Adresa
event-field-city = Grad
event-field-points = Bodovi za licencu
event-field-points-hint = Akreditacioni bodovi za obnovu licence; 0 ako ih nema.
event-field-accreditation = Broj akreditacije
event-field-accreditation-hint = Ako je događaj akreditovan, npr. A-1234/2026; ostavite prazno ako nije.
event-save = Sačuvaj događaj
event-created = Događaj je objavljen.
event-saved = Izmene su sačuvane; prijavljeni su obavešteni o promeni vremena ili mesta.
event-cancelled = Događaj je otkazan; svi prijavljeni su obavešteni.
event-when = Kada
event-belgrade-time = po beogradskom vremenu
event-place = Mesto:
event-online = Onlajn
event-online-link = Link:
event-link-for-registered = Link vide prijavljeni učesnici.
event-organisers = Organizatori
event-speakers = Predavači
event-group = Grupa
event-places = Mesta
event-places-left = { $count ->
    [one] Ostalo je još { $count } mesto
    [few] Ostala su još { $count } mesta
   *[other] Ostalo je još { $count } mesta
}
event-places-unlimited = Bez ograničenja
event-full-badge = Popunjeno — lista čekanja
event-waitlist-count = na listi čekanja: { $count }
event-registered-count = prijavljenih: { $count }
event-deadline = Rok za prijavu
event-points-badge = bodova za licencu: { $points }
event-registration = Prijava
event-register = Prijavi se
event-join-waitlist = Stani na listu čekanja
event-unregister = Otkaži prijavu
event-leave-waitlist = Izađi sa liste čekanja
event-registered = Prijavljeni ste. Potvrda sa kalendarskim fajlom stiže vam e-poštom.
event-waitlisted = Mesta su popunjena: na listi čekanja ste. Ako se mesto oslobodi, vaše je i javićemo vam.
event-unregistered = Vaša prijava je otkazana.
event-you-are-registered = Prijavljeni ste
event-you-are-waitlisted = Na listi čekanja ste.
event-sign-in-to-register = Prijavite se na Kolegu da biste se prijavili za događaj.
event-registration-closed = Prijave su zatvorene.
event-add-to-calendar = Dodaj u kalendar (.ics)
event-for-organisers = Za organizatore
event-cancel-reason = Razlog otkazivanja:
event-cancel = Otkaži događaj
event-cancelled-badge = otkazano
event-cancelled-notice = Ovaj događaj je otkazan.
event-participants-title = Učesnici
event-participants-empty = Još niko nije prijavljen.
event-participant-name = Ime
event-participant-institution = Ustanova
event-participant-status = Status
event-participant-since = Prijavljen/a
registration-status-registered = prijavljen/a
registration-status-waitlisted = na listi čekanja
registration-status-cancelled = odjavljen/a
error-event-kind = Izaberite vrstu događaja.
error-event-title = Upišite naziv događaja (najmanje 3 znaka).
error-event-datetime = Upišite datum (GGGG-MM-DD) i vreme (SS:MM).
error-event-datetime-skipped = Tog dana ovo vreme ne postoji: sat se pomera sa 02:00 na 03:00.
error-event-ends-before-start = Događaj mora da se završi posle početka.
error-event-audience = Izaberite ko može da dođe.
error-event-capacity = Upišite broj mesta (najmanje 1) ili ostavite prazno.
error-event-link = Upišite punu adresu linka, koja počinje sa https://.
error-event-link-characters = Adresa linka ne sme da sadrži razmake ni znakove < > ".
error-event-link-credentials = Adresa linka ne sme da sadrži korisničko ime ni lozinku.
error-event-in-past = Ovaj datum je prošao. Proverite godinu i mesec; ako unosite održan događaj radi evidencije, potvrdite to ispod.
event-field-past-confirm = Da, ovaj događaj je već održan (unosim ga radi evidencije).
error-event-where = Upišite link, adresu ili grad.
error-event-points = Upišite broj bodova od 0 do 100.
error-event-accreditation = Broj akreditacije može imati najviše 40 znakova: slova, cifre, razmak, crticu, kosu crtu i tačku.
calendar-feed-title = Moj kalendar
calendar-feed-explained = Pretplatite se na ovu privatnu adresu u Google kalendaru, Outlooku ili Thunderbirdu da biste videli događaje za koje ste prijavljeni. Ne delite je; ako jeste, uzmite novu.
calendar-feed-address = Adresa kalendara
calendar-feed-renew = Uzmi novu adresu
calendar-feed-renewed = Imate novu adresu kalendara; stara više ne radi.
calendar-feed-name = Kolega — moji događaji
email-open-event = Otvori događaj
email-event-registered-subject = Prijavljeni ste: { $title }
email-event-registered-body = Prijavljeni ste za „{ $title }”, { $when } (po beogradskom vremenu). Kalendarski fajl je u prilogu.
email-event-waitlisted-subject = Lista čekanja: { $title }
email-event-waitlisted-body = Mesta za „{ $title }” ({ $when }) su popunjena, pa ste na listi čekanja. Ako se mesto oslobodi, vaše je i javićemo vam.
email-event-promoted-subject = Mesto je vaše: { $title }
email-event-promoted-body = Oslobodilo se mesto i vaše je: prijavljeni ste za „{ $title }”, { $when } (po beogradskom vremenu). Kalendarski fajl je u prilogu.
email-event-changed-subject = Izmena: { $title }
email-event-changed-body = Promenjeno je vreme ili mesto događaja „{ $title }”. Sada je { $when } (po beogradskom vremenu). Izmenjeni kalendarski fajl je u prilogu.
email-event-cancelled-subject = Otkazano: { $title }
email-event-cancelled-body = „{ $title }”, planiran za { $when }, je otkazan.
email-event-reminder-day-subject = { $day ->
    [today] Danas: { $title }
   *[tomorrow] Sutra: { $title }
}
email-event-reminder-day-body = Podsetnik: „{ $title }” počinje { $left }, { $when } (po beogradskom vremenu).
email-event-reminder-hour-subject = Počinje { $left }: { $title }
email-event-reminder-hour-body = „{ $title }” počinje { $left }: { $when } (po beogradskom vremenu).
event-in-minutes = { $count ->
    [one] za { $count } minut
    [few] za { $count } minuta
   *[other] za { $count } minuta
}
event-in-hours = { $count ->
    [one] za { $count } sat
    [few] za { $count } sata
   *[other] za { $count } sati
}
event-after-title = Snimak i materijali
event-watch-recording = Pogledaj snimak
event-recording-for-registered = Snimak je dostupan prijavljenim učesnicima.
event-recording = Snimak:
event-recording-title = Snimak i materijali
event-recording-saved = Sačuvano. Kada se snimak doda prvi put, svi prijavljeni dobijaju obaveštenje.
event-field-recording = Link do snimka
event-field-recording-hint = Vide ga prijavljeni učesnici i dobijaju e-poruku kada se prvi put doda.
event-field-materials = Materijali
event-attendance-title = Prisustvo
event-attendance-legend = Ko je prisustvovao
event-attendance-save = Sačuvaj prisustvo
event-attendance-saved = Prisustvo je sačuvano; bodovi za licencu su upisani prisutnima.
event-checkin-code-is = Kod za evidenciju:
event-checkin-explained = prikažite ga tokom događaja; učesnici ga upisuju na stranici događaja da bi evidentirali prisustvo.
event-checkin-code = Kod za evidenciju (prikazan tokom događaja)
event-check-in = Evidentiraj prisustvo
event-checked-in = Prisustvo je evidentirano. Hvala što ste došli!
event-checkin-wrong-code = To nije kod prikazan na događaju. Pokušajte ponovo.
event-you-attended = Prisustvovali ste ovom događaju.
event-feedback-title = Ocenite događaj
event-feedback-rating = Koliko vam je bio koristan za rad?
event-feedback-rating-5 = 5 — veoma koristan
event-feedback-rating-4 = 4 — koristan
event-feedback-rating-3 = 3 — delimično
event-feedback-rating-2 = 2 — malo
event-feedback-rating-1 = 1 — nije koristan
event-feedback-comment = Komentar (nije obavezan)
event-feedback-send = Pošalji
event-feedback-thanks = Hvala na oceni.
event-feedback-summary = Ocene
event-feedback-none = Još nema ocena.
event-feedback-average = Prosečna ocena { $average }
event-feedback-count = broj ocena: { $count }
error-feedback-rating = Izaberite ocenu od 1 do 5.
points-title = Moji bodovi za licencu
points-lead = Bodovi sa akreditovanih događaja kojima ste prisustvovali i kurseva koje ste završili, po godinama i po periodu licence, svaki sa potvrdom koju možete odštampati.
points-entries = Događaji i kursevi
points-entry = Događaj ili kurs
points-course = Kurs
points-licence-since = Moja licenca važi od
points-licence-since-hint = Licenca važi šest godina; uz ovaj datum bodovi se sabiraju i po periodu licence.
points-licence-save = Sačuvaj
points-licence-saved = Sačuvano.
error-licence-date = Upišite datum izdavanja licence (GGGG-MM-DD).
points-per-period = Po periodu licence
points-period = Period
points-per-year = Po godinama
points-year = Godina
points-points = Bodovi
points-events = Događaji
points-event = Događaj
points-date = Datum
points-empty = Još nemate bodova. Akreditovani događaji su na stranici
points-supervision = Supervizija
points-supervision-hours = Prisustvo supervizijskim sastancima: { $hours } sati
points-supervision-none = Još niste prisustvovali supervizijskim sastancima.
certificate-title = Potvrda
certificate-heading = Potvrda o prisustvu
certificate-attended = prisustvovao/la je
certificate-code = Kod za proveru:
certificate-verify-at = Svako je može proveriti na
certificate-print = Odštampajte ovu stranicu iz pregledača (Ctrl+P).
certificate-verify-title = Provera potvrde
certificate-valid = Ova potvrda je važeća.
certificate-organiser = Organizator
certificate-issuer = Izdaje
certificate-unknown-title = Ne postoji potvrda sa tim kodom
certificate-unknown-lead = Nijedna potvrda nema kod „{ $code }“. Proverite da li ste ga tačno prepisali i pokušajte ponovo.
certificate-verify-button = Proveri
email-event-recording-subject = Snimak je dostupan: { $title }
email-event-recording-body = Snimak događaja „{ $title }” ({ $when }) je dostupan.
email-registrations-ended-left-subject = Prijave za događaje grupe „{ $group }” su prekinute
email-registrations-ended-left-body = Napustili ste grupu „{ $group }”, pa su prekinute i vaše prijave za njene događaje koji još nisu počeli:
email-registrations-ended-removed-subject = Prijave za događaje grupe „{ $group }” su prekinute
email-registrations-ended-removed-body = Više niste član grupe „{ $group }”, pa su prekinute i vaše prijave za njene događaje koji još nisu počeli:
email-registrations-ended-blocked-subject = Vaše prijave za događaje su prekinute
email-registrations-ended-blocked-body = Administrator je blokirao vaš nalog, pa su prekinute vaše prijave za događaje koji još nisu počeli:
email-registrations-ended-after = Vaša mesta su prepuštena drugima. O ovim događajima vam više neće stizati podsetnici ni obaveštenja, a nestaće i iz vašeg kalendara na Kolegi.
proposals-title = Predlozi
proposals-lead = Predložite vebinar ili temu koja vam je potrebna u radu i podržite predloge kolega. Organizatori najpodržanije pretvaraju u događaje.
proposals-empty = Još nema predloga. Budite prvi koji će reći šta vam treba.
proposal-new-title = Predložite vebinar ili temu
proposal-field-kind = Šta predlažete?
proposal-kind-webinar = Vebinar
proposal-kind-topic = Temu
proposal-field-title = Naslov
proposal-field-description = Zašto je važno
proposal-field-description-hint = Nekoliko rečenica: šta vam treba i za koga.
proposal-submit = Predloži
proposal-created = Vaš predlog je objavljen, sa vašim glasom.
proposal-voted = Sačuvano.
proposal-closed = Predlog je zatvoren; autor je obavešten.
proposal-status-open = otvoren
proposal-status-scheduled = postao događaj
proposal-status-closed = zatvoren
proposal-votes = { $count ->
    [one] { $count } podrška
    [few] { $count } podrške
   *[other] { $count } podrški
}
proposal-vote = Podrži
proposal-unvote = Povuci podršku
proposal-make-event = Napravi događaj
proposal-close = Zatvori
proposal-close-reason = Razlog:
proposal-see-event = Pogledaj događaj
error-proposal-kind = Izaberite vebinar ili temu.
error-proposal-title = Upišite naslov predloga (najmanje 5 znakova).
email-proposal-closed-subject = Vaš predlog je zatvoren: { $title }
email-proposal-closed-body = Organizatori su zatvorili vaš predlog „{ $title }”.
email-proposal-scheduled-subject = Predlog koji ste podržali postao je događaj: { $title }
email-proposal-scheduled-body = „{ $title }”, koji ste podržali, sada je događaj. Prijave su otvorene.
group-full = Grupa je popunjena: supervizijska grupa prima onoliko supervizanata koliko je supervizor odredio.
supervision-title = Dnevni red i beleške
supervision-confidential = Poverljivo: vidi samo ova grupa, a svako čitanje se beleži.
supervision-deleted-after = Slučajevi i beleške brišu se { $date }
supervision-cases = Slučajevi na dnevnom redu
supervision-no-cases = Još nema slučajeva. Supervizanti ih dodaju pre sastanka.
supervision-case-new = Dodaj slučaj
supervision-case-added = Vaš slučaj je na dnevnom redu.
supervision-notes = Beleške supervizora
supervision-no-notes = Još nema beležaka.
supervision-write-notes = Napiši beleške
supervision-notes-lead = Beleške posle sastanka, vidljive samo ovoj grupi.
supervision-notes-saved = Beleške su sačuvane.
supervision-settings = Supervizija
supervision-settings-lead = Supervizijska grupa prikuplja slučajeve bez ličnih podataka pre svakog sastanka i čuva beleške supervizora posle njega. Svako čitanje je zabeleženo ispod; slučajevi i beleške brišu se po isteku roka čuvanja.
supervision-field-enabled = Ovo je supervizijska grupa
supervision-field-limit = Najviše supervizanata
supervision-field-limit-hint = Obično do 8.
supervision-field-retention = Čuvaj slučajeve i beleške (meseci)
supervision-field-retention-hint = Posle ovoliko meseci od sastanka njegovi slučajevi i beleške se brišu; upozorenje stiže nedelju dana ranije.
supervision-settings-saved = Sačuvano.
supervision-access-log = Ko je šta čitao
supervision-access-log-empty = Još niko nije čitao slučajeve ni beleške.
supervision-read-when = Kada
supervision-read-who = Ko
supervision-read-what = Šta
supervision-read-cases = slučajeve
supervision-read-notes = beleške
error-supervision-limit = Upišite broj supervizanata od 1 do 50.
error-supervision-retention = Upišite broj meseci od 1 do 120.
case-lead = Opišite situaciju bez ičega što otkriva identitet osobe: uzrast umesto datuma rođenja, veličinu mesta umesto njegovog imena.
case-field-age = Uzrast osobe
case-age-0-5 = 0–5 godina
case-age-6-11 = 6–11 godina
case-age-12-17 = 12–17 godina
case-age-18-25 = 18–25 godina
case-age-26-64 = 26–64 godine
case-age-65plus = 65 i više
case-field-municipality = Veličina mesta
case-size-village = selo
case-size-small = mali grad
case-size-medium = srednji grad
case-size-city = veliki grad
case-field-situation = Situacija
case-situation-hint = Bez imena, datuma rođenja, adresa i JMBG-a. Može Markdown.
case-field-question = Pitanje za superviziju
case-submit = Dodaj na dnevni red
error-case-age-band = Izaberite uzrast.
error-case-municipality = Izaberite veličinu mesta.
error-case-too-short = Napišite bar jednu rečenicu.
email-retention-subject = Supervizijski slučajevi u grupi „{ $group }” biće obrisani { $date }
email-retention-body = Slučajevi i beleške jednog sastanka grupe „{ $group }” dolaze do kraja roka čuvanja i biće obrisani { $date } Sačuvajte u sopstvenoj evidenciji ono što morate da čuvate.
event-field-member-speakers = Predavači koji su članovi
event-field-member-speakers-hint = Njihova korisnička imena, npr. „@ana-vukovic, @nikola-djordjevic”.
error-event-speaker-unknown = Nijedan član nema ova korisnička imena: { $handles }.

## Library
library-title = Biblioteka
library-search-label = Pretražite protokole, vodiče i materijale
library-search-submit = Traži
library-sort = Redosled
library-sort-relevance = Najrelevantnije
library-sort-newest = Najnovije
library-sort-downloads = Najpreuzimanije
library-feed = Novi resursi (Atom)
library-facets = Suzite rezultate
library-facet-kind = Vrsta
library-facet-topic = Tema
library-facet-language = Jezik
library-facet-audience = Za koga
library-facet-year = Godina
library-empty = Ništa nije pronađeno. Probajte sa manje reči ili uklonite filter.
library-mine = Moji predlozi
library-new-title = Predložite resurs
library-new-lead = Podelite protokol, vodič, brošuru ili materijal za obuku. Ostaje nacrt dok ga ne pošaljete na pregled; moderatori ga proveravaju pre objavljivanja.
library-edit-title = Izmena zapisa
library-field-title = Naslov
library-field-summary = Sažetak
library-field-kind = Vrsta
library-field-topics = Teme
library-field-language = Jezik
library-field-script = Pismo
script-latin = Latinica
script-cyrillic = Ćirilica
library-field-audience = Za koga
library-field-source = Izvor (organizacija)
library-field-authors = Autori
library-field-year = Godina
library-field-licence = Licenca
library-field-licence-hint = Npr. „CC BY 4.0” ili „sva prava zadržana, deli se uz dozvolu”.
library-field-link = Link (umesto fajla)
library-field-link-hint = Adresa na kojoj je resurs objavljen, ako ne otpremate fajl.
library-field-file = Fajl
library-field-file-hint = PDF, DOCX, ODT ili PPTX, do 25 MB.
library-save-draft = Sačuvaj nacrt
library-draft-saved = Nacrt je sačuvan. Pošaljite ga na pregled kada bude spreman.
library-saved = Sačuvano; izmena je zabeležena.
library-submit-lead = Kada je zapis potpun, pošaljite ga moderatorima.
library-submit = Pošalji na pregled
library-submitted = Poslato na pregled. Dobićete e-poruku kada moderatori odluče.
library-review-title = Za pregled
library-review-empty = Ništa ne čeka pregled.
library-for-moderators = Za moderatore
library-publish = Objavi
library-return = Vrati predlagaču
library-return-reason = Razlog:
library-archive = Arhiviraj
library-published = Objavljeno; predlagač je obavešten.
library-returned = Vraćeno; predlagač je obavešten zašto.
library-archived = Arhivirano.
error-library-return-reason = Navedite razlog vraćanja.
library-members-only-title = Ovaj materijal je samo za članove
library-members-only-text = Materijal postoji, ali ga mogu otvoriti samo prijavljeni članovi Kolege.
library-members-only-sign-in = Prijavite se da biste ga otvorili
library-members-only-join = Niste član? Učlanite se
library-members-only = Samo za članove
library-featured = Istaknuto na početnoj strani
library-save-flags = Sačuvaj oznake
library-save-links = Sačuvaj veze
library-changes = Izmene
library-download = Preuzmi
library-open-link = Otvori link
library-downloads = Preuzimanja
library-cite = Citirajte
resource-kind-protocol = Protokol
resource-kind-guideline = Smernice
resource-kind-brochure = Brošura za građane
resource-kind-research = Istraživanje ili članak
resource-kind-training = Materijal za obuku
resource-kind-translation = Prevod
resource-kind-form = Obrazac ili šablon
resource-kind-recording = Snimak
resource-language-sr = srpski
resource-language-cnr = crnogorski
resource-language-bs = bosanski
resource-language-hr = hrvatski
resource-language-mk = makedonski
resource-language-sq = albanski
resource-language-en = engleski
resource-audience-professionals = Stručnjaci
resource-audience-students = Studenti
resource-audience-citizens = Građani
resource-status-draft = nacrt
resource-status-submitted = čeka pregled
resource-status-returned = vraćeno
resource-status-published = objavljeno
resource-status-archived = arhivirano
error-resource-title = Upišite naslov (najmanje 3 znaka).
error-resource-kind = Izaberite vrstu resursa.
error-resource-audience = Izaberite za koga je.
error-resource-year = Upišite godinu, npr. 2024.
error-resource-file-or-link = Otpremite fajl ili upišite link.
error-upload-too-large = Fajl je veći od 25 MB.
error-upload-type = Ovaj fajl nije PDF, DOCX, ODT ni PPTX dokument (proveren je sadržaj, ne ime).
error-upload-empty = Fajl je prazan.
error-upload-interrupted = Otpremanje je prekinuto. Pokušajte ponovo.
email-open-resource = Otvori resurs
email-resource-published-subject = Objavljeno: { $title }
email-resource-published-body = Moderatori su objavili „{ $title }” u biblioteci. Hvala što ste ga podelili.
email-resource-returned-subject = Vraćeno na doradu: { $title }
email-resource-returned-body = Moderatori su vam vratili „{ $title }”. Izmenite ga i ponovo pošaljite na pregled.
library-superseded = Postoji novija verzija:
library-related = Prevodi i verzije
library-relation-original = Original
library-relation-translation = Prevod
library-relation-newer = Novija verzija
library-relation-older = Ranija verzija
library-field-translation-of = Prevod dokumenta (adresa originala)
library-field-superseded-by = Zamenjen novijom verzijom (adresa nove verzije)
error-library-link = Nijedan resurs nema tu adresu.
library-preview = Otvori u pregledaču
library-print = Verzija za štampu
library-topics-title = Teme biblioteke
library-topic-name-sr = Naziv na srpskom
library-topic-name-en = Naziv na engleskom
library-topic-rename = Preimenuj
library-topic-new = Nova tema
library-topic-add = Dodaj temu
error-topic-name = Upišite naziv od 3 do 80 znakova.
library-counts-newest = Brojevi samo među najnovijim pogocima; dodajte reči ili filtere da ih suzite.
library-count = { $count ->
    [one] Pronađen je { $count } resurs.
    [few] Pronađena su { $count } resursa.
   *[other] Pronađeno je { $count } resursa.
}
library-count-at-least = Pronađeno je više od { $count } resursa; prikazani su najnoviji.

## Service map
nav-services = Mapa usluga
services-title = Mapa socijalnih usluga
services-intro = Ko pruža koju socijalnu uslugu i gde: centri za socijalni rad, SOS linije, sigurne kuće, dnevni boravci, pomoć u kući i druge usluge u regionu. Otvoreno za sve, bez prijave.
services-search-label = Pretražite usluge
services-search-submit = Traži
services-kind = Vrsta usluge
services-any-kind = Sve vrste
services-group = Kome je namenjena
services-any-group = Svima
services-country = Država
services-any-country = Sve države
services-place = Mesto
services-place-label = Opština ili grad
services-any-place = Bilo gde
services-mode-near = najbliže prvo
services-mode-in = samo u ovoj opštini
services-near-me = Koristi moju lokaciju
services-near-me-asking = Tražimo vašu lokaciju…
services-near-me-denied = Lokacija nije dostupna; izaberite opštinu sa liste.
services-near-you = vaše lokacije
services-ordered-near = Poređano po udaljenosti od: { $place }
services-map-label = Mapa pronađenih usluga
services-map-attribution = © saradnici OpenStreetMap-a
services-map-zoom-in = Uvećaj mapu
services-map-zoom-out = Umanji mapu
services-empty = Nijedna usluga ne odgovara pretrazi. Probajte sa manje reči ili drugim filterima.
services-call = Pozovi
services-demo = demo podaci
services-stale = možda zastarelo
services-stale-notice = Ovaj podatak niko nije proverio više od godinu dana i možda je zastareo. Pre odlaska pozovite uslugu; ako znate šta se promenilo, predložite ispravku.
services-contacts = Kontakt
services-contact-person = Kontakt osoba
services-where = Gde
services-address-confidential = Adresa se ne objavljuje radi bezbednosti korisnika. Pozovite telefon iznad.
services-accessibility = Pristupačnost
services-about = O usluzi
services-eligibility = Ko može da koristi uslugu
services-fees = Cena
services-hours = Radno vreme
services-languages = Jezici
services-how-to-apply = Kako se prijaviti
services-provider = Pružalac usluge
services-last-verified = Poslednji put provereno: { $date }
services-never-verified = Još nije provereno.
services-suggest-title = Predložite ispravku
services-suggest-sign-in = Prijavite se da predložite ispravku
services-edit-title = Izmeni uslugu
services-mark-verified = Označi kao proverenu danas
services-verified = Usluga je označena kao proverena.
services-saved = Izmene su sačuvane.
services-new-title = Predložite novu uslugu
services-suggest-lead = Moderatori proveravaju svaki predlog pre objavljivanja i javljaju vam odluku e-poštom.
services-section-provider = Pružalac usluge
services-section-service = Usluga
services-field-organization = Naziv organizacije
services-field-legal-status = Pravni status
services-hint-legal-status = Na primer: ustanova socijalne zaštite, udruženje građana.
services-field-organization-description = O organizaciji
services-field-website = Veb-sajt
services-field-email = E-pošta
services-field-phone = Telefon
services-field-name = Naziv usluge
services-field-description = Opis usluge
services-hint-fees = Na primer: besplatno, ili po rešenju centra za socijalni rad.
services-hint-hours = Na primer: radnim danima 7:30–15:30, SOS linija 0–24.
services-hint-contacts = Upišite bar jedan kontakt: telefon, e-poštu ili veb-sajt.
services-field-municipality = Opština ili grad
services-field-location-name = Naziv lokacije
services-field-address = Ulica i broj
services-field-postal-code = Poštanski broj
services-field-confidential = Adresa je poverljiva (npr. sigurna kuća): na mapi se prikazuje samo mesto
services-field-latitude = Geografska širina
services-field-longitude = Geografska dužina
services-hint-coordinates = Neobavezno, npr. 42.5514 i 21.9003. Bez njih se koristi središte mesta.
services-hint-accessibility = Na primer: ulaz bez stepenika, lift, tumač za znakovni jezik.
services-field-note = Šta ste promenili i odakle to znate
services-hint-note = Na primer: „Zvala sam 3. decembra, promenili su broj telefona.”
services-send-suggestion = Pošalji predlog
services-save = Sačuvaj
services-suggestion-sent = Hvala! Predlog je poslat moderatorima.
services-review-title = Pregled predloga za mapu usluga
services-review-suggestions = Predlozi članova
services-review-empty = Nema predloga koji čekaju.
services-review-stale = Neprovereno više od godinu dana
services-stale-count = { $count ->
    [one] { $count } usluga čeka proveru.
    [few] { $count } usluge čekaju proveru.
   *[other] { $count } usluga čeka proveru.
}
services-correction-of = Ispravka za:
services-new-service = Nova usluga
services-suggestion-title = Predlog
services-changed-fields = Promenjena polja
services-nothing-changed = Predlog ne menja nijedno polje.
services-change-empty = (prazno)
services-change-becomes = postaje
services-change-confidential = Poverljiva adresa
services-change-coordinates = Koordinate
services-yes = da
services-no = ne
services-accept = Prihvati i objavi
services-refuse = Odbij
services-refuse-reason = Razlog odbijanja:
services-hint-refuse = Šalje se članu koji je dao predlog.
error-services-refuse-reason = Upišite razlog da bi član znao zašto je predlog odbijen.
services-suggestion-accepted = Predlog je prihvaćen i član je obavešten.
services-suggestion-refused = Predlog je odbijen i član je obavešten.
services-coverage-title = Pokrivenost uslugama po opštinama
services-coverage-intro = Koliko objavljenih usluga svake vrste postoji u svakoj opštini — i gde ih nema. Broj u polju vodi na spisak tih usluga.
services-coverage-region = Okrug ili region
services-coverage-any-region = Svi okruzi i regioni
services-coverage-show = Prikaži
services-coverage-empty = Za ovaj izbor nema opština. Izaberite drugu državu ili sve okruge.
services-coverage-gaps = Gde nedostaju usluge
services-coverage-missing = { $kind } nedostaje u { $missing } od { $total } { $total ->
    [one] opštine
    [few] opštine
   *[other] opština
}.
services-coverage-everywhere = { $kind } postoji u svim opštinama ({ $total }).
services-coverage-table = Usluge po opštinama
services-coverage-how = Crtica znači da u opštini nema nijedne objavljene usluge te vrste.
services-coverage-caption = Broj objavljenih usluga po opštini i vrsti: { $place }
services-coverage-municipality = Opština
services-coverage-total = Ukupno
services-coverage-none = nema
services-import-title = Uvoz iz datoteke
services-export-csv = Preuzmi imenik (CSV)
services-export-json = Preuzmi imenik (HSDS JSON)
services-import-lead = Uvezite usluge iz CSV datoteke (kolone su opisane ispod) ili iz HSDS JSON datoteke. Prvo se proverava cela datoteka; ništa se ne upisuje dok ne potvrdite uvoz datoteke bez grešaka.
services-import-file = Datoteka (CSV ili HSDS JSON)
services-import-file-hint = Najviše { $size } MB. CSV može biti u kodiranju UTF-8 ili Windows-1250 (kako Excel čuva „CSV”), sa poljima odvojenim zarezom, tačkom-zarezom ili tabulatorom. Usluga sa postojećim service_id se ažurira, ostale se dodaju.
services-import-check = Proveri datoteku
services-import-columns = Kolone CSV datoteke
services-import-columns-hint = Prvi red navodi kolone (bilo kojim redom; izostavljena kolona je prazna). Obavezne su name, country i municipality. Liste (target_groups, languages) razdvojte znakom ;.
services-import-export-hint = Primer ispravne datoteke je izvoz imenika:
services-import-preview-title = Pregled uvoza
services-import-format-csv = CSV
services-import-format-hsds-json = HSDS JSON
services-import-read-comma = Pročitano kao { $encoding }, polja odvojena zarezom.
services-import-read-semicolon = Pročitano kao { $encoding }, polja odvojena tačkom-zarezom.
services-import-read-tab = Pročitano kao { $encoding }, polja odvojena tabulatorom.
services-import-read-json = Pročitano kao { $encoding }.
services-import-sound = { $count ->
    [one] { $count } usluga je bez grešaka, ali se datoteka uvozi samo cela, kad su sve greške ispravljene.
    [few] { $count } usluge su bez grešaka, ali se datoteka uvozi samo cela, kad su sve greške ispravljene.
   *[other] { $count } usluga je bez grešaka, ali se datoteka uvozi samo cela, kad su sve greške ispravljene.
}
services-import-none-sound = Nijedna usluga iz ove datoteke ne može da se uveze.
services-import-new = { $count ->
    [one] { $count } nova usluga
    [few] { $count } nove usluge
   *[other] { $count } novih usluga
}
services-import-updated = { $count ->
    [one] { $count } postojeća usluga se ažurira
    [few] { $count } postojeće usluge se ažuriraju
   *[other] { $count } postojećih usluga se ažurira
}
services-import-problem-count = { $count ->
    [one] U datoteci je { $count } greška.
    [few] U datoteci su { $count } greške.
   *[other] U datoteci je { $count } grešaka.
}
services-import-nothing-written = Ništa nije upisano. Ispravite datoteku i pošaljite je ponovo.
services-import-problems = Greške po redovima datoteke
services-import-line = Red
services-import-record = Usluga br.
services-import-field = Polje
services-import-message = Šta nije u redu
services-import-more-problems = … i još { $count }.
services-import-again = Pošalji ispravljenu datoteku
services-import-confirm-hint = Datoteka je ispravna. Uvoz upisuje sve usluge odjednom (sve ili ništa).
services-import-confirm = Uvezi
services-import-cancel = Odustani
services-import-records = Usluge u datoteci
services-import-action = Šta se radi
services-import-action-update = ažurira se
services-import-action-new = dodaje se
services-import-more-records = … i još { $count }.
services-import-done = Uvoz je završen: usluge iz datoteke su na mapi.
error-import-no-file = Izaberite datoteku za uvoz.
error-import-too-large = Datoteka je prevelika. Podelite je na manje delove.
error-import-broken-upload = Datoteka nije stigla cela. Pokušajte ponovo.
error-import-encoding = Datoteka ne može da se pročita kao tekst: sadrži znak NUL ili bajtove koje kodiranje naznačeno na njenom početku ne dozvoljava. Sačuvajte je kao „CSV UTF-8” ili „CSV”.
error-import-empty = U datoteci nema nijedne usluge.
error-import-json = Datoteka nije ispravan JSON.
error-import-json-shape = Očekuje se niz HSDS usluga ili objekat sa ključem „services”, a svaka usluga je objekat.
error-import-unknown-column = Nepoznata kolona. Proverite naziv prema spisku kolona.
error-import-duplicate-column = Kolona se ponavlja.
error-import-missing-column = Nedostaje obavezna kolona.
error-import-extra-fields = Red ima više vrednosti nego što ima kolona (proverite navodnike i znakove koji odvajaju polja).
error-import-id = Identifikator mora biti UUID, npr. 0b7c2f4e-3d5a-4c1b-9e8f-6a7b8c9d0e1f.
error-import-flag = Upišite true ili false.
error-import-time = Upišite vreme u obliku RFC 3339, npr. 2026-11-23T09:00:00Z.
error-import-type = Vrednost nije očekivanog tipa (tekst, broj ili lista).
error-import-one-location = Usluga može imati samo jednu lokaciju; za drugu lokaciju navedite posebnu uslugu.
error-import-country = Nepoznata država: upišite RS, ME, BA, MK ili XK.
error-import-municipality = Nepoznata opština ili grad za tu državu (nazivi kao u spisku opština).
error-import-kind = Nepoznata vrsta usluge. Dozvoljeno: social-work-centre, day-care, home-care, shelter, sos-line, counselling, foster-care-support, supported-housing, personal-assistance, soup-kitchen.
error-import-target-groups = Navedite bar jednu grupu: children, youth, families, older-people, disability, violence-victims, migrants, roma, homeless.
error-import-languages = Nepoznat jezik. Dozvoljeno: sr, cnr, bs, hr, mk, sq, rom, hu, en.
error-import-duplicate = Isti identifikator je već u datoteci (u redu navedenom u zagradi).
error-import-location-taken = Ova lokacija (location_id) već pripada drugoj usluzi u imeniku.
error-import-organization-differs = Ista organizacija (organization_id) ima drugačije podatke u redu navedenom u zagradi.
email-open-service = Otvori mapu usluga
email-suggestion-accepted-subject = Prihvaćen predlog: { $name }
email-suggestion-accepted-body = Moderatori su prihvatili vaš predlog za „{ $name }” i on je sada na mapi usluga. Hvala!
email-suggestion-refused-subject = Predlog nije prihvaćen: { $name }
email-suggestion-refused-body = Moderatori nisu prihvatili vaš predlog za „{ $name }”.
error-service-organization = Upišite naziv organizacije (od 2 do 300 znakova).
error-service-name = Upišite naziv usluge (od 3 do 300 znakova).
error-service-kind = Izaberite vrstu usluge.
error-service-target-groups = Izaberite bar jednu grupu kojoj je usluga namenjena.
error-service-languages = Izaberite jezike sa liste.
error-service-phone = Upišite broj telefona samo ciframa, razmacima i znacima + - / ( ).
error-service-url = Adresa mora da počinje sa https:// ili http://.
error-service-contact = Upišite bar jedan kontakt: telefon, e-poštu ili veb-sajt.
error-service-municipality = Izaberite opštinu ili grad sa liste.
error-service-coordinates = Upišite obe koordinate kao brojeve (širina od -90 do 90, dužina od -180 do 180), ili nijednu.
error-service-too-long = Tekst je predugačak.
service-kind-social-work-centre = Centar za socijalni rad
service-kind-day-care = Dnevni boravak
service-kind-home-care = Pomoć u kući
service-kind-shelter = Sigurna kuća / prihvatilište
service-kind-sos-line = SOS linija
service-kind-counselling = Savetovalište
service-kind-foster-care-support = Podrška hraniteljstvu
service-kind-supported-housing = Stanovanje uz podršku
service-kind-personal-assistance = Personalna asistencija
service-kind-soup-kitchen = Narodna kuhinja
service-group-children = Deca
service-group-youth = Mladi
service-group-families = Porodice
service-group-older-people = Starije osobe
service-group-disability = Osobe sa invaliditetom
service-group-violence-victims = Žrtve nasilja
service-group-migrants = Migranti i izbeglice
service-group-roma = Romska zajednica
service-group-homeless = Beskućnici
service-language-sr = srpski
service-language-cnr = crnogorski
service-language-bs = bosanski
service-language-hr = hrvatski
service-language-mk = makedonski
service-language-sq = albanski
service-language-rom = romski
service-language-hu = mađarski
service-language-en = engleski

## Impact
impact-title = Kolega u brojkama
impact-lead = Brojke se računaju uživo iz podataka zajednice. Iz zatvorenih grupa i supervizija ne prikazujemo ništa osim broja objava.
impact-members = Članovi
impact-members-total = Članova ukupno
impact-active = Aktivnih u poslednjih 30 dana
impact-role-practitioner = Praktičari
impact-role-student = Studenti
impact-role-teacher = Nastavnici
impact-role-moderator = Moderatori
impact-role-admin = Administratori
impact-by-country = Članovi po državama
impact-activity = Šta smo zajedno uradili
impact-groups = Grupa za razgovor
impact-posts = Objava u grupama
impact-held-webinar = Održanih vebinara
impact-held-supervision = Održanih supervizijskih sastanaka
impact-held-regional_meeting = Održanih regionalnih sastanaka
impact-attendees-webinar = Učesnika vebinara
impact-attendees-supervision = Učesnika supervizija
impact-attendees-regional_meeting = Učesnika regionalnih sastanaka
impact-resources = Resursa u biblioteci
impact-downloads = Preuzimanja resursa
impact-services = Usluga na mapi
impact-services-verified = Usluga proverenih u poslednjih 12 meseci
impact-by-month = Po mesecima (poslednjih 12)
impact-series-members = Novi članovi
impact-series-posts = Objave u grupama
impact-series-attendees = Učesnici događaja
impact-series-resources = Objavljeni resursi
impact-month = Mesec
impact-count = Broj

## Notifications (#8)
nav-notifications = Obaveštenja
nav-unread = { $count ->
    [one] novo obaveštenje
    [few] nova obaveštenja
   *[other] novih obaveštenja
}
email-unsubscribe = Odjavite se od ovih poruka
email-settings = Podešavanja obaveštenja
email-unsubscribe-text = Ne želite ovakve poruke? Odjavite se jednim klikom:
email-settings-text = Sva podešavanja obaveštenja:
email-group-request-subject = { $member } želi da se pridruži grupi „{ $group }”
email-group-request-body = { $member } je zatražio/la članstvo u grupi „{ $group }”. Kao moderator grupe možete zahtev odobriti ili odbiti.
email-group-request-action = Pogledajte zahteve
email-digest-subject = Kolega: dnevni pregled — { $count ->
        [one] { $count } novost
        [few] { $count } novosti
       *[other] { $count } novosti
    }
email-digest-intro = Od prošlog pregleda { $count ->
        [one] dogodila se { $count } stvar koja vas zanima
        [few] dogodile su se { $count } stvari koje vas zanimaju
       *[other] dogodilo se { $count } stvari koje vas zanimaju
    }.
email-digest-elsewhere = Ostalo na Kolegi
email-digest-unsubscribe-text = Ne želite dnevni pregled? Odjavite se jednim klikom:
notifications-title = Obaveštenja
notifications-settings-link = Podesite šta vam stiže e-poštom
notifications-empty = Još nemate obaveštenja. Ovde ćete videti odgovore u temama koje pratite, pominjanja, prijave za događaje i odluke moderatora.
notifications-no-older = Nema starijih obaveštenja.
notifications-empty-action = Pronađite grupu kojoj ćete se pridružiti
notifications-mark-all = Označi sve kao pročitano
notifications-mark-read = Označi kao pročitano
notifications-all-read = Sva obaveštenja su označena kao pročitana.
notifications-new = novo
notifications-older = Starija obaveštenja
notify-settings-title = Obaveštenja e-poštom
notify-settings-lead = Za svaku vrstu obaveštenja izaberite da li vam poruka stiže odmah, u dnevnom pregledu ili nikad. Sva obaveštenja uvek vidite i na stranici Obaveštenja.
notify-settings-critical = Poruke o vašem nalogu (potvrda adrese, nova lozinka, promena lozinke, odobrenje naloga) stižu uvek i ne mogu se isključiti.
notify-settings-save = Sačuvaj podešavanja
notify-settings-saved = Podešavanja obaveštenja su sačuvana.
notify-delivery-immediately = Odmah e-poštom
notify-delivery-digest = U dnevnom pregledu
notify-delivery-never = Nikad e-poštom
notify-delivery-invalid = Izaberite jednu od ponuđenih mogućnosti.
notify-always = uvek odmah (ne može se isključiti)
notify-digest-hour = Kada da stigne dnevni pregled
notify-digest-hour-hint = Po beogradskom vremenu. Pregled stiže samo ako ima novosti.
notify-digest-hour-invalid = Izaberite sat od 0 do 23.
notify-suppressed-title = Poruke vam trenutno ne šaljemo
notify-suppressed-text = Poruke na adresu { $email } su se vraćale ili ih je server primaoca odbijao, pa smo prestali da ih šaljemo. Proverite poštansko sanduče (ili promenite adresu u podešavanjima naloga), pa nam javite da pokušamo ponovo.
notify-suppressed-resume = Adresa radi — pokušajte ponovo
notify-resumed = Ponovo vam šaljemo poruke.
notify-section-groups = Grupe
notify-section-events = Događaji
notify-section-courses = Kursevi
notify-section-contributions = Vaši prilozi
notify-section-support = Podrška kolega
notify-kind-reply = Odgovori u temama koje pratite
notify-kind-mention = Kada vas neko pomene
notify-kind-new_thread = Nove teme u grupama koje pratite
notify-kind-join_request = Zahtevi za članstvo u grupama koje moderirate
notify-kind-post_held = Objave koje čekaju vaše odobrenje u grupama koje moderirate
notify-kind-join_decision = Odluke o vašim zahtevima za članstvo
notify-kind-group_invitation = Pozivi u grupe
notify-kind-moderation_outcome = Odluke moderatora o vašim objavama
notify-kind-event_registration = Prijave za događaje, lista čekanja i oslobođena mesta
notify-kind-event_change = Izmene i otkazivanja događaja
notify-kind-event_reminder = Podsetnici pred događaj
notify-kind-event_recording = Snimci i materijali sa događaja
notify-kind-proposal_decision = Odluke o predlozima tema
notify-kind-resource_review = Pregled resursa koje ste predložili
notify-kind-course_review = Pregled kurseva koje ste napisali
notify-kind-cohort_reminder = Nedeljni podsetnici kohorte u kojoj zaostajete
notify-kind-correction_review = Pregled vaših predloga za mapu usluga
notify-kind-support_request = Nove molbe za podršku kolega
notify-kind-support_reply = Odgovori u razgovorima podrške
notify-kind-retention_warning = Upozorenje pre brisanja beleški supervizije
unsubscribe-title = Odjava od poruka
unsubscribe-done-title = Odjavljeni ste
unsubscribe-confirm-text = Da li želite da vam više ne šaljemo e-poštu za: { $kind }?
unsubscribe-button = Da, odjavi me
unsubscribe-done-text = Više vam nećemo slati e-poštu za: { $kind }. Obaveštenja i dalje vidite na sajtu kada se prijavite.
unsubscribe-settings = Podešavanja obaveštenja
unsubscribe-other = Želite da promenite nešto drugo?
unsubscribe-digest = dnevni pregled

## Rate limits (#9)
rate-limited-hour = Previše pokušaja: dozvoljeno je najviše { $max } na sat. Pokušajte ponovo za sat vremena — ono što ste napisali je sačuvano ovde.
rate-limited-minutes = Previše pokušaja: dozvoljeno je najviše { $max } u { $minutes } minuta. Pokušajte ponovo za { $minutes } minuta — ono što ste napisali je sačuvano ovde.
event-checkin-too-many = Previše pokušaja sa pogrešnim kodom. Pokušajte ponovo za sat vremena ili se javite organizatoru.
error-upload-store = Datoteku trenutno ne možemo da sačuvamo (greška na našoj strani, npr. pun disk). Ostali podaci su sačuvani ovde; pokušajte ponovo kasnije.

## Home page blocks (#8)
home-figures-title = Kolega u brojkama
home-figure-members = { $count ->
        [one] član
        [few] člana
       *[other] članova
    }
home-figure-groups = { $count ->
        [one] grupa za razgovor
        [few] grupe za razgovor
       *[other] grupa za razgovor
    }
home-figure-posts = { $count ->
        [one] objava u grupama
        [few] objave u grupama
       *[other] objava u grupama
    }
home-figure-events = { $count ->
        [one] održan vebinar i susret
        [few] održana vebinara i susreta
       *[other] održanih vebinara i susreta
    }
home-figure-resources = { $count ->
        [one] resurs u biblioteci
        [few] resursa u biblioteci
       *[other] resursa u biblioteci
    }
home-figure-services = { $count ->
        [one] usluga na mapi
        [few] usluge na mapi
       *[other] usluga na mapi
    }
home-figures-more = Sve brojke o Kolegi
home-webinars-title = Predstojeći javni vebinari
home-webinars-empty = Trenutno nema najavljenih javnih vebinara. Pogledajte druge događaje i predložite temu koja vas zanima.
home-webinars-all = Svi događaji
home-find-service-title = Pronađite socijalnu uslugu
home-find-service-text = Centri za socijalni rad, dnevni boravci, pomoć u kući, sigurne kuće, SOS linije i savetovališta u Srbiji i regionu.
home-find-service-map = Otvorite mapu usluga
home-member-title = Dobro došli, { $name }
home-member-lead = Šta je novo za vas na Kolegi: vaši događaji, grupe, biblioteka i usluge u vašem kraju.
home-events-mine-title = Moji naredni događaji
home-events-mine-empty = Nema prijava za događaje.
home-events-mine-find = Pogledajte nadolazeće vebinare
home-events-mine-all = Svi događaji
home-events-mine-waitlisted = Na listi čekanja
home-activity-title = Novo u mojim grupama
home-activity-count = { $count ->
        [one] { $count } tema sa novim objavama
        [few] { $count } teme sa novim objavama
       *[other] { $count } tema sa novim objavama
    }
home-activity-latest = Poslednja:
home-activity-empty = U vašim grupama nema nepročitanih objava. Pridružite se grupi za razgovor ili započnite temu.
home-activity-groups = Grupe za razgovor
home-new-resources-title = Novo u biblioteci iz mojih tema
home-new-resources-topics = Vaše teme: { $topics }.
home-new-resources-change = Promenite teme
home-new-resources-no-topics = Još niste izabrali teme koje pratite, pa ovde vidite najnovije resurse iz cele biblioteke.
home-new-resources-choose = Izaberite teme
home-new-resources-empty = U poslednja tri meseca nema novih resursa iz vaših tema.
home-new-resources-empty-all = U poslednja tri meseca u biblioteci nema novih resursa.
home-new-resources-library = Pogledajte biblioteku
home-near-title = Proverene usluge u mojoj blizini
home-near-intro = Do 50 km od mesta { $place }, proverene u poslednjih 90 dana, najbliže prve.
home-near-empty = Do 50 km od mesta { $place } nema usluga koje su proverene u poslednjih 90 dana.
home-near-map = Potražite na mapi usluga
home-near-no-city = Upišite grad u svom profilu da biste ovde videli proverene usluge u blizini.
home-near-unknown-city = Mesto „{ $city }“ iz vašeg profila ne nalazimo među opštinama na mapi usluga. Upišite naziv opštine.
home-near-settings = Podešavanja profila
home-points-title = Moji bodovi ove godine
home-points-total = { $points ->
        [one] { $points } bod
        [few] { $points } boda
       *[other] { $points } bodova
    } za licencu u { $year }. godini.
home-points-empty = U { $year }. godini još nemate bodova za licencu. Bodove donose akreditovani vebinari, obuke i supervizija.
home-points-details = Bodovi i potvrde
home-points-find = Pronađite akreditovane događaje
topics-title = Teme koje pratim
topics-lead = Izaberite teme iz biblioteke koje vas zanimaju: na početnoj strani videćete nove resurse iz njih.
topics-legend = Teme biblioteke
topics-none-hint = Ako ne izaberete nijednu temu, na početnoj strani videćete najnovije resurse iz cele biblioteke.
topics-save = Sačuvaj teme
topics-saved = Teme su sačuvane.
topics-unknown = Jedna od izabranih tema ne postoji (možda je u međuvremenu promenjena). Proverite izbor i sačuvajte ponovo.
topics-back-home = Nazad na početnu
settings-topics-link = Teme koje pratim u biblioteci

# The member's data archive (account_data::page): its page, section
# headings, field labels and the names of codes.
data-page-title = Vaši podaci na Kolegi
data-page-intro = Sve što Kolega čuva o korisniku { $name }, stanje na dan { $date } (beogradsko vreme).
data-page-json = Datoteka data.json pored ove stranice sadrži iste podatke, za programe.
data-page-contents = Sadržaj
data-none = Ništa.
data-yes = Da
data-withheld = (nije prikazano: to više ne možete da vidite)
data-no = Ne
data-section-account = Nalog i profil
data-section-sessions = Prijavljeni uređaji
data-section-notifications = Obaveštenja
data-section-settings = Dostava po vrsti
data-section-received = Primljena obaveštenja
data-section-emails-sent-to-you = E-poruke koje vam je Kolega napisao
data-section-library-topics-followed = Teme biblioteke koje pratite
data-section-groups = Grupe
data-section-memberships = Članstva
data-section-threads = Teme koje ste pokrenuli
data-section-posts = Vaše poruke
data-section-followed-threads = Teme koje pratite ili čitate
data-section-reports-made = Poruke koje ste prijavili moderatorima
data-section-warnings-received = Upozorenja koja ste dobili
data-section-anonymous-authors-revealed = Autori anonimnih tema koje ste proverili
data-section-events = Događaji
data-section-registrations = Prijave i prisustvo
data-section-points-and-certificates = Bodovi za licencu i sertifikati
data-section-feedback-given = Vaše ocene događaja
data-section-event-roles = Događaji koje ste organizovali ili na kojima ste govorili
data-section-proposals = Vaši predlozi
data-section-proposal-votes = Predlozi koje ste podržali
data-section-supervision-cases = Supervizijski slučajevi koje ste napisali
data-section-supervision-notes = Supervizijske beleške koje ste napisali
data-section-supervision-reads = Vaše čitanje supervizijskih slučajeva i beležaka
data-section-support = Podrška kolega
data-section-conversations = Razgovori
data-section-courses = Kursevi
data-section-enrolments = Kursevi na koje ste se upisali
data-section-lessons-done = Lekcije koje ste označili kao završene
data-section-quiz-attempts = Vaši pokušaji testova
data-field-module = Modul
data-field-started-at = Započeto
data-field-submitted-at = Predato
data-field-score = Rezultat (procenat)
data-field-passed = Položeno
data-section-cohorts = Kohorte kojima ste se pridružili
data-field-cohort = Kohorta
data-field-starts-on = Početak
data-field-ends-on = Kraj
data-field-joined-at = Pridružili ste se
data-field-last-reminded-at = Poslednji podsetnik
data-section-courses-written = Kursevi koje ste napisali
data-field-course = Kurs
data-field-lesson = Lekcija
data-field-enrolled-at = Upisani
data-field-completed-at = Završen
data-field-done-lessons = Završenih lekcija
data-field-done-at = Označeno kao završeno
data-field-level = Nivo
data-value-in-review = Na pregledu
data-section-library = Biblioteka
data-section-submissions = Resursi koje ste predali
data-section-changes-made = Izmene koje ste uneli u resurse
data-section-service-map = Mapa usluga
data-section-suggestions = Vaši predlozi
data-section-imports = Datoteke koje ste uvezli
data-section-services-verified = Usluge koje ste proverili
data-field-email = Adresa e-pošte
data-field-name = Ime
data-field-handle = Adresa profila
data-field-role = Uloga
data-field-profession = Zanimanje
data-field-country = Država
data-field-city = Grad
data-field-institution = Ustanova
data-field-bio = Biografija
data-field-expertise = Oblasti rada
data-field-locale = Jezik
data-field-listed-in-directory = Upisan u imenik
data-field-shown-online = Prikazan na listi „Ko je tu”
data-field-approval = Odobrenje naloga
data-field-email-verified-at = Adresa potvrđena
data-field-guidelines-accepted-at = Pravila prihvaćena
data-field-blocked-at = Blokiran
data-field-created-at = Napravljeno
data-field-updated-at = Poslednja izmena
data-field-last-seen-at = Poslednji put viđen
data-field-expires-at = Ističe
data-field-remember = Zapamćen na uređaju
data-field-subject = Naslov
data-field-kind = Vrsta
data-field-status = Stanje
data-field-digest-hour = Sat dnevnog pregleda
data-field-title = Naslov
data-field-link = Link
data-field-read-at = Pročitano
data-field-group = Grupa
data-field-visibility = Vidljivost
data-field-following = Pratite nove teme
data-field-join-message = Poruka uz zahtev za učlanjenje
data-field-since = Od
data-field-anonymous = Anonimno
data-field-posts = Poruke
data-field-pinned = Zakačeno
data-field-locked = Zaključano
data-field-thread = Tema
data-field-body = Tekst
data-field-edited-at = Izmenjeno
data-field-deleted-at = Obrisano
data-field-hidden-at = Sakrili moderatori
data-field-awaiting-approval = Čeka odobrenje
data-field-earlier-versions = Ranije verzije
data-field-replaced-at = Zamenjeno
data-field-mode = Praćenje
data-field-last-read-post = Pročitano do poruke
data-field-reason = Razlog
data-field-note = Napomena
data-field-resolved-at = Rešeno
data-field-outcome = Ishod
data-field-viewed-at = Provereno
data-field-licence-since = Licenca važi od
data-field-calendar-feed-since = Kalendar napravljen
data-field-event = Događaj
data-field-event-id = Oznaka događaja
data-field-starts-at = Počinje
data-field-ends-at = Završava se
data-field-registered-at = Prijavljeno
data-field-cancelled-at = Otkazano
data-field-attended-at = Prisustvovali
data-field-points = Bodovi
data-field-certificate-code = Šifra sertifikata
data-field-source = Izvor
data-field-rating = Ocena (1–5)
data-field-comment = Komentar
data-field-description = Opis
data-field-close-reason = Razlog zatvaranja
data-field-proposal = Predlog
data-field-age-band = Uzrast
data-field-municipality-size = Mesto
data-field-situation = Situacija
data-field-question = Pitanje
data-field-what = Šta
data-field-peer-supporter = U timu za podršku
data-field-taken-at = Preuzeto
data-field-other-person = Druga osoba
data-field-messages = Poruke
data-field-from = Od
data-field-summary = Sažetak
data-field-topics = Teme
data-field-language = Jezik
data-field-authors = Autori
data-field-source-org = Izdavač
data-field-year = Godina
data-field-licence = Licenca
data-field-external-url = Link
data-field-file = Datoteka
data-field-return-reason = Zašto je vraćeno
data-field-published-at = Objavljeno
data-field-downloads = Preuzimanja
data-field-resource = Resurs
data-field-change = Izmena
data-field-changed-at = Izmenjeno
data-field-service = Usluga
data-field-fields = Predloženi podaci
data-field-decided-at = Odlučeno
data-field-format = Format
data-field-imported-at = Uvezeno
data-field-created-count = Dodato usluga
data-field-updated-count = Izmenjeno usluga
data-field-last-verified-at = Provereno
data-value-practitioner = Praktičar
data-value-student = Student
data-value-teacher = Nastavnik
data-value-moderator = Moderator
data-value-admin = Administrator
data-value-owner = Vlasnik
data-value-member = Član
data-value-organiser = Organizator
data-value-speaker = Predavač
data-value-creator = Napravili ste događaj
data-value-requester = Tražili ste podršku
data-value-supporter = Bili ste podrška
data-value-active = Aktivno
data-value-requested = Zatraženo
data-value-invited = Pozvani
data-value-banned = Zabranjeno
data-value-registered = Prijavljeni
data-value-waitlisted = Na listi čekanja
data-value-cancelled = Otkazano
data-value-open = Otvoreno
data-value-taken = Preuzeto
data-value-closed = Zatvoreno
data-value-draft = Nacrt
data-value-submitted = Predato na pregled
data-value-returned = Vraćeno
data-value-published = Objavljeno
data-value-archived = Arhivirano
data-value-pending = Na čekanju
data-value-accepted = Prihvaćeno
data-value-refused = Odbijeno
data-value-sent = Poslato
data-value-failed = Neuspelo
data-value-approved = Odobreno
data-value-declined = Odbijeno
data-value-scheduled = Zakazano
data-value-public = Javna
data-value-secret = Tajna
data-value-subscribed = Pratite
data-value-muted = Utišano
data-value-spam = Neželjeni sadržaj
data-value-personal-data = Lični podaci korisnika usluga
data-value-harassment = Uznemiravanje
data-value-other = Drugo
data-value-hidden = Sakriveno
data-value-kept = Zadržano
data-value-cases = Slučajevi
data-value-notes = Beleške
data-value-immediately = E-poštom odmah
data-value-digest = U dnevnom pregledu
data-value-never = Ne e-poštom
data-value-village = Selo
data-value-small = Mali grad
data-value-medium = Srednji grad
data-value-city = Veliki grad
data-value-you = Vi
data-value-topic = Tema

emergency-title = Potrebna vam je pomoć odmah?
emergency-nearest = Najbliže službe:
emergency-nearest-shelter = sigurna kuća (sklonište)
emergency-nearest-csw = centar za socijalni rad
emergency-admin-title = Brojevi za hitne slučajeve
emergency-admin-intro = Ovi brojevi se prikazuju svima na početnoj strani i na mapi službi. Proverite ih pre izmene.
emergency-country = Država
emergency-kind = Vrsta
emergency-number = Broj
emergency-label-sr = Naziv (srpski)
emergency-label-en = Naziv (engleski)
emergency-position = Redosled
emergency-add = Dodaj broj
emergency-remove = Ukloni
emergency-admin-saved = Broj je sačuvan.
emergency-admin-removed = Broj je uklonjen.
emergency-kind-emergency = Jedinstveni broj za hitne slučajeve
emergency-kind-police = Policija
emergency-kind-ambulance = Hitna pomoć
emergency-kind-fire = Vatrogasci
emergency-kind-violence = Linija za žrtve nasilja
emergency-kind-children = Linija za decu
error-emergency-country = Izaberite državu sa mape.
error-emergency-kind = Izaberite vrstu broja.
error-emergency-number = Unesite broj telefona (cifre, razmaci, crtice; najviše 20 cifara).
error-emergency-label = Unesite naziv od 2 do 120 znakova.
error-emergency-position = Redosled je ceo broj od 0 do 999.
services-place-first = Prvo izaberite mesto: rezultati će biti poređani po udaljenosti od njega, a Kolega će ga zapamtiti za sledeći put.
services-count = { $count ->
    [one] Pronađena je { $count } služba.
    [few] Pronađene su { $count } službe.
   *[other] Pronađeno je { $count } službi.
}

## Members' content in the reader's script (text::script)
script-converted-note = Tekst članova prikazan je pismom koje ste izabrali.
script-original-link = Izvorni tekst
script-original-note = Tekst članova prikazan je onako kako je napisan.
script-converted-link = Prikaži pismom koje ste izabrali

## Courses (src/courses)
nav-courses = Kursevi
courses-title = Kursevi
courses-lead = Kursevi za samostalno učenje, svojim tempom i na sporoj vezi.
courses-search-label = Pretražite kurseve
courses-search-submit = Traži
courses-any = Svi
courses-empty = Nema objavljenih kurseva koji odgovaraju pretrazi.
courses-waiting = Kursevi na pregledu
courses-mine = Moji neobjavljeni kursevi
course-new-title = Novi kurs
course-edit-title = Izmeni kurs
course-form-lead = Kurs je nacrt dok ga moderatori ne objave. Module i lekcije dodajete na stranici kursa.
course-field-title = Naziv
course-field-summary = Kratak opis
course-field-summary-hint = Jedna ili dve rečenice za katalog.
course-field-description = Opis
course-field-language = Jezik
course-field-level = Nivo
course-field-hours = Procenjeno trajanje (sati)
course-field-points = Bodovi za licencu
course-field-points-hint = Broj bodova koje kurs donosi (0 ako ih ne donosi).
course-field-topics = Teme
course-field-module-title = Naziv modula
course-field-lesson-title = Naslov lekcije
course-field-lesson-body = Tekst lekcije
course-for-whom = Za koga je
course-audience-open = Otvoren za sve
course-audience-members = Samo za članove
course-audience-group = Za jednu grupu
course-field-group = Grupa
course-field-group-none = Bez grupe
course-field-group-hint = Kurs za grupu vide i pohađaju samo članovi grupe. Možete izabrati grupu koju vodite ili moderirate.
error-course-group = Za kurs za grupu izaberite jednu od svojih grupa.
course-cohorts = Kohorte
cohort-new-title = Nova kohorta
cohort-form-lead = Kohorta prolazi kurs zajedno, od početka do kraja, sa svojom diskusionom grupom i rokom. Članovi koji zaostaju dobijaju podsetnik jednom nedeljno.
cohort-field-title = Naziv kohorte
cohort-field-title-hint = Na primer „Jesen 2026.” ili „Centar za socijalni rad Niš”.
cohort-field-starts = Početak
cohort-field-ends = Kraj
cohort-field-deadline = Rok
cohort-field-deadline-hint = Posle roka se podsetnici ne šalju. Ako ostavite prazno, rok je dan kraja.
cohort-create = Napravi kohortu
cohort-of-course = Kohorta kursa
cohort-teacher = Nastavnik
cohort-group = Diskusiona grupa
cohort-join = Pridruži se kohorti
cohort-you-are-in = Vi ste u ovoj kohorti.
cohort-progress = Napredak kohorte
cohort-enrolled = Upisanih
cohort-finished = Završilo kurs
cohort-average-label = Prosečan napredak
cohort-average = { $percent } %
cohort-members = Napredak svakog člana
cohort-members-empty = Još niko se nije pridružio.
cohort-member = Član
cohort-member-progress = Napredak
cohort-member-last = Poslednja aktivnost
cohort-member-finished = Završila/završio
cohort-created = Kohorta je napravljena, sa svojom diskusionom grupom.
cohort-joined = Pridružili ste se kohorti i njenoj diskusionoj grupi.
error-cohort-title = Unesite naziv kohorte (najmanje 3 znaka).
error-cohort-date = Unesite datum (dan, mesec i godinu).
error-cohort-end = Kraj mora biti posle početka.
error-cohort-deadline = Rok ne može biti pre kraja.
email-cohort-reminder-subject = Podsetnik: kurs „{ $course }”
email-cohort-reminder-body = U kohorti „{ $cohort }” kursa „{ $course }” završili ste { $done } od { $all } lekcija i testova, manje nego što je kohorta do sada prešla.
email-cohort-reminder-deadline = Rok kohorte je { $deadline }. Nastavite tamo gde ste stali.
email-cohort-reminder-action = Otvori kohortu
course-figures-title = Brojke kursa
course-figures-lead = Zbirne brojke, bez imena polaznika: koliko ih je upisano, aktivno i završilo, i koliko je odgovora na svako pitanje tačno, da se loše pitanje pokaže.
course-figures-enrolled = Upisanih
course-figures-active = Aktivnih u poslednjih 30 dana
course-figures-completed = Završilo kurs
course-figures-median = Srednje vreme do završetka (medijana)
course-figures-hours = { $hours ->
    [one] { $hours } sat
    [few] { $hours } sata
   *[other] { $hours } sati
}
course-figures-days = { $days ->
    [one] { $days } dan
   *[other] { $days } dana
}
course-figures-questions = Pitanja u testovima
course-figures-no-questions = Kurs još nema pitanja u testovima.
course-figures-module = Modul
course-figures-question = Pitanje
course-figures-right = Tačno odgovoreno
course-figures-share = { $percent } % ({ $right } od { $answered })
course-figures-no-answers = Još bez odgovora
course-level-introductory = Uvodni
course-level-intermediate = Srednji
course-level-advanced = Napredni
course-status-draft = Nacrt
course-status-in-review = Na pregledu
course-status-published = Objavljen
course-status-archived = Arhiviran
course-hours = { $hours ->
    [one] { $hours } sat
    [few] { $hours } sata
   *[other] { $hours } sati
}
course-points = { $points ->
    [one] { $points } bod
    [few] { $points } boda
   *[other] { $points } bodova
}
course-progress = Završeno lekcija i testova: { $done } od { $all }
course-author = Autor
course-sign-in-note = Prijavite se da biste pohađali ovaj kurs.
course-start = Započni kurs
course-continue = Nastavi
course-syllabus = Sadržaj kursa
course-syllabus-empty = Kurs još nema modula.
course-new-module = Novi modul
course-add-module = Dodaj modul
course-module-title = Modul
course-rename-module = Preimenuj modul
course-add-lesson = Dodaj lekciju
course-edit-lesson = Izmeni
course-lesson-form-title = Lekcija
course-move-up = Gore
course-move-down = Dole
course-save = Sačuvaj
course-save-draft = Sačuvaj nacrt
course-back = Nazad na kurs
course-submit-lead = Kada je kurs spreman, pošaljite ga moderatorima na pregled.
course-submit = Pošalji na pregled
course-for-moderators = Za moderatore
course-return-reason = Razlog:
course-publish = Objavi
course-return = Vrati autoru
course-archive = Arhiviraj
course-log = Istorija izmena
course-mark-done = Označi kao završeno
course-lesson-is-done = Završeno
course-lesson-nav = Lekcije
course-previous-lesson = Prethodna
course-next-lesson = Sledeća
course-draft-saved = Nacrt kursa je sačuvan.
course-saved = Izmene su sačuvane.
course-sent-for-review = Kurs je poslat na pregled.
course-published = Kurs je objavljen.
course-returned = Kurs je vraćen autoru.
course-archived = Kurs je arhiviran.
course-enrolled = Upisani ste na kurs.
course-module-added = Modul je dodat.
course-lesson-saved = Lekcija je sačuvana.
course-moved = Redosled je promenjen.
course-lesson-done = Lekcija je označena kao završena.
error-course-title = Upišite naziv kursa (bar 3 znaka).
error-course-level = Izaberite nivo.
error-course-audience = Izaberite za koga je kurs.
error-course-hours = Upišite broj sati između 1 i 500.
error-course-points = Upišite broj bodova između 0 i 100.
error-course-return-reason = Upišite razlog vraćanja, da autor zna šta da izmeni.
error-module-title = Upišite naziv modula.
error-lesson-title = Upišite naslov lekcije.
error-lesson-body = Upišite tekst lekcije.
learning-title = Moje učenje
home-learning-all = Svi moji kursevi
home-learning-empty = Nemate kurs u toku.
learning-empty = Još niste započeli nijedan kurs.
learning-find-course = Pronađite kurs
learning-completed = Završen kurs
course-completed = Završen kurs
course-completed-message = Završili ste kurs. Sertifikat je na stranici kursa.
course-quiz-passed-completed-message = Test je položen. Kurs je završen: sertifikat je na stranici kursa.
course-completed-on = Završen { $date }.
course-certificate-link = Sertifikat
course-certificate-title = Sertifikat o završenom kursu
course-certificate-heading = Sertifikat o završenom kursu
course-certificate-completed = uspešno je završio/la kurs
course-certificate-date = Datum završetka
course-certificate-hours = Trajanje
course-certificate-back = Nazad na kurs
email-open-course = Otvori kurs
email-course-published-subject = Objavljen kurs: { $title }
email-course-published-body = Moderatori su objavili vaš kurs „{ $title }”. Sada je u katalogu kurseva.
email-course-returned-subject = Kurs vraćen na doradu: { $title }
email-course-returned-body = Moderatori su vam vratili kurs „{ $title }”. Izmenite ga i ponovo pošaljite na pregled.
course-quiz = Test
course-quiz-edit-title = Test
course-quiz-is-passed = Test položen
course-quiz-field-pass-mark = Prag za prolaz (procenat)
course-quiz-field-attempts = Broj pokušaja
course-quiz-field-attempts-hint = Ostavite prazno za neograničen broj pokušaja.
course-quiz-field-cooldown = Sati pre novog pokušaja
course-quiz-field-cooldown-hint = 0: novi pokušaj može odmah.
course-quiz-questions = Pitanja
course-quiz-no-questions = Još nema pitanja. Polaznici vide test kada ima bar jedno pitanje.
course-quiz-correct = Tačno
course-quiz-edit-question = Izmeni pitanje
course-quiz-delete-question = Obriši pitanje
course-quiz-add-question = Dodaj pitanje
course-question-title = Pitanje u testu
course-question-field-kind = Vrsta pitanja
course-question-kind-single = Jedan tačan odgovor
course-question-kind-multiple = Više tačnih odgovora
course-question-field-prompt = Pitanje
course-question-field-answers = Odgovori
course-question-answers-hint = Od 2 do 8 odgovora; označite tačne. Prazni redovi se ne računaju.
course-question-answer = Odgovor { $number }
course-question-field-feedback = Objašnjenje posle predaje (nije obavezno)
course-question-feedback-hint = Prikazuje se uz rezultat, bez obzira na to da li je odgovor tačan.
course-question-saved = Pitanje je sačuvano.
course-question-deleted = Pitanje je obrisano.
course-quiz-pass-mark-is = Prag za prolaz: { $mark }%
course-quiz-attempts-of = Iskorišćeno pokušaja: { $used } od { $limit }
course-quiz-attempts-unlimited = Iskorišćeno pokušaja: { $used } (bez ograničenja)
course-quiz-choose-all = Izaberite sve tačne odgovore.
course-quiz-submit = Predaj odgovore
course-quiz-result = Rezultat
course-quiz-score = Rezultat: { $score }%
course-quiz-passed = položeno
course-quiz-failed = nije položeno
course-quiz-right = Tačno
course-quiz-wrong = Netačno
course-quiz-start = Započni test
course-quiz-retake = Pokušaj ponovo
course-quiz-used-up = Iskoristili ste sve pokušaje za ovaj test.
course-quiz-cooling-down = Ponovo možete pokušati posle { $until }.
course-quiz-started = Test je započet. Odgovori se računaju kada ih predate.
course-quiz-continued = Nastavljate pokušaj koji ste započeli.
course-quiz-not-now = Novi pokušaj sada nije moguć.
course-quiz-submitted-already = Ovaj pokušaj je već predat; ništa nije promenjeno.
course-quiz-passed-message = Test je položen.
course-quiz-failed-message = Test ovog puta nije položen.
error-quiz-pass-mark = Upišite prag između 1 i 100.
error-quiz-attempts = Upišite broj pokušaja između 1 i 100 ili ostavite prazno.
error-quiz-cooldown = Upišite broj sati između 0 i 8760.
error-quiz-question-kind = Izaberite vrstu pitanja.
error-quiz-prompt = Upišite pitanje.
error-quiz-answers = Upišite bar dva odgovora.
error-quiz-single-correct = Označite tačno jedan odgovor kao tačan.
error-quiz-multiple-correct = Označite bar jedan odgovor kao tačan.

## Lesson attachments
course-attachments = Prilozi
course-attachments-empty = Lekcija još nema priloga. Dodajte snimak, resurs iz biblioteke ili snimak događaja.
course-attachment-kind-resource = Resurs iz biblioteke
course-attachment-kind-recording = Snimak događaja
course-attachment-kind-media = Audio ili video
course-attachment-download = Preuzmite snimak
course-attachment-remove = Uklonite
course-attachment-added = Prilog je dodat.
course-attachment-removed = Prilog je uklonjen.
course-attach = Dodajte
course-attach-media = Otpremite audio ili video
course-attach-upload = Otpremite
course-attach-resource = Resurs iz biblioteke
course-attach-find-resource = Potražite u biblioteci
course-attach-recording = Snimak događaja
course-attach-no-recordings = Nema snimaka koje možete da dodate: ovde se nude snimci javnih događaja koje organizujete.
course-field-media = Audio ili video fajl
course-field-media-hint = MP4, M4A, WebM, Ogg, MP3 ili WAV, najviše { $mb } MB. Vrsta se proverava po sadržaju fajla.
course-field-attachment-caption = Opis (nije obavezan)
course-field-resource = Adresa resursa
course-field-resource-hint = Nalepite adresu stranice resursa iz biblioteke (npr. https://kolega.rs/library/…).
course-field-recording = Događaj
error-media-type = Ovaj fajl nije audio ni video (MP4, M4A, WebM, Ogg, MP3, WAV): proveren je sadržaj, ne ime.
error-media-too-large = Fajl je veći od 100 MB.
error-media-missing = Izaberite audio ili video fajl.
error-attachment-resource-address = Nalepite adresu resursa iz biblioteke (https://…/library/…).
error-attachment-resource-unknown = U biblioteci nema objavljenog resursa na toj adresi.
error-attachment-resource-members-only = Ovaj resurs je samo za članove, a kurs je otvoren za sve: posetioci ne bi mogli da ga otvore. Izaberite drugi resurs ili kurs namenite članovima.
error-attachment-recording = Izaberite javni događaj sa snimkom koji organizujete.

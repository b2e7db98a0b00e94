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
nav-home = Početna
nav-about = O Kolegi
nav-groups = Grupe
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
home-care-text = Posao u socijalnoj zaštiti je težak. Kolega je i mesto za razgovor o stresu, sagorevanju i brizi o sebi.
home-region = Za Srbiju, Crnu Goru, Bosnu i Hercegovinu, Severnu Makedoniju i ceo region, na srpskom (latinica i ćirilica) i engleskom.

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

## E-mail

email-greeting = Poštovani/a { $name },
email-footer = Ovu poruku vam je poslala Kolega, zajednica socijalnih radnika, nastavnika i studenata.
email-account-created-subject = Vaš nalog na Kolegi je otvoren
email-account-created-body = Administrator vam je otvorio nalog na Kolegi. Prijavite se svojom adresom e-pošte i lozinkom koju ste dobili od administratora, a zatim je promenite u podešavanjima.
email-sign-in = Prijavite se

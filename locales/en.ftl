# Kolega — interface text in English. Keep the same message ids as sr-Latn.ftl.

## Layout

site-name = Kolega
site-tagline = A community of social workers, teachers and students
skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
nav-about = About Kolega
nav-groups = Groups
nav-members = Colleagues
nav-admin = Administration
nav-settings = Settings
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-join = Join
footer-online = Online now: { $members ->
        [one] { $members } member
       *[other] { $members } members
    } and { $guests ->
        [one] { $guests } guest
       *[other] { $guests } guests
    }
language-switch-label = Language and script
footer-label = Footer
footer-guidelines = Community guidelines
footer-privacy = Privacy
footer-child-safeguarding = Child safeguarding
footer-about = About Kolega
footer-note = Kolega is where helpers help each other. Never post details that could identify a client or a child.
breadcrumbs-label = Breadcrumbs
breadcrumbs-home = Home

## Home page for visitors

home-title = Where helpers help each other
home-lead = Kolega brings together practitioners from centres for social work, NGOs and institutions, and teachers and students of social work and social policy from Serbia and the region. Here we ask, learn from each other and support one another.
home-quote = “When I have a dilemma about children begging on the street, I open the platform and read the protocol.”
home-quote-source = a practitioner at a centre for social work
home-what-title = What Kolega offers
home-groups-title = Discussion groups
home-groups-text = Ask colleagues, share a dilemma from practice (without client details) and hear from people who do the same job. Students join the groups of their courses.
home-events-title = Webinars and supervision
home-events-text = Webinars, supervision and regional meetings, round tables and trainings, with registration, reminders and points for licence renewal.
home-library-title = Library
home-library-text = Protocols, guidelines, brochures for citizens and translations of professional texts, in one place and checked by moderators.
home-services-title = Service map
home-services-text = Who provides which social service in which municipality: day care, home care, shelters, SOS lines, counselling.
home-care-title = Help for helpers
home-care-text = Work in social protection is hard. Kolega is also a place to talk about stress, burnout and looking after yourself.
home-region = For Serbia, Montenegro, Bosnia and Herzegovina, North Macedonia and the whole region, in Serbian (Latin and Cyrillic) and English.

## Content pages

page-about = About Kolega
page-guidelines = Community guidelines
page-privacy = Privacy notice
page-child-safeguarding = Child safeguarding policy

## Counts

member-count =
    { $count ->
        [one] { $count } member
       *[other] { $count } members
    }

## Error pages

error-code-label = Error
error-back-home = Back to the home page
error-try-again = Go back to the previous page, reload it and try again.
error-400-title = The request is not valid
error-400-text = The data sent is not in the expected form. Go back, check what you entered and try again.
error-401-title = Please sign in
error-401-text = This page is only for signed-in members.
error-403-title = Access is not allowed
error-403-text = You do not have permission to see this page or do this. If you think this is a mistake, contact the moderators.
error-csrf-title = The form has expired or was not sent from this site
error-csrf-text = For your safety we only accept forms sent from Kolega's own pages. This also happens when a page was open for a long time or cookies are turned off.
error-404-title = Page not found
error-404-text = The page you are looking for does not exist or has moved. Check the address or start from the home page.
error-405-title = This action is not allowed here
error-405-text = This address does not accept that kind of request.
error-408-title = The request took too long
error-408-text = The server could not answer in time. Please try again in a moment.
error-409-title = Conflicting changes
error-409-text = Someone changed the same content in the meantime. Reload the page and try again.
error-413-title = Too much data was sent
error-413-text = The text or file is too large. Make it smaller and try again.
error-500-title = Something went wrong on our side
error-500-text = An error occurred and we have logged it. Nothing you entered is lost if you go back to the previous page. Please try again in a moment.
error-503-title = Kolega is temporarily unavailable
error-503-text = The database is not answering right now. Please try again in a minute.

## E-mail

email-greeting = Dear { $name },
email-footer = This message was sent to you by Kolega, a community of social workers, teachers and students.
email-account-created-subject = Your Kolega account is ready
email-account-created-body = An administrator has opened an account for you on Kolega. Sign in with your e-mail address and the password the administrator gave you, then change it in your settings.
email-sign-in = Sign in

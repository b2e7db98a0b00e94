# Kolega — interface text in English. Keep the same message ids as sr-Latn.ftl.

## Layout

site-name = Kolega
site-tagline = A community of social workers, teachers and students
skip-to-content = Skip to content
nav-label = Main navigation
nav-menu = Menu
nav-menu-waiting = unread or waiting for you
filters-title = Filters
nav-home = Home
nav-about = About Kolega
nav-groups = Groups
nav-events = Events
nav-library = Library
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
home-care-text = Work in social protection is hard. In self-care groups you talk with colleagues (anonymously too); Confidential peer support is a one-to-one conversation with a colleague from the support team.
home-region = For Serbia, Montenegro, Bosnia and Herzegovina, North Macedonia and the whole region, in Serbian (Latin and Cyrillic) and English.
home-featured-title = From the library
home-featured-all = The whole library
home-featured-empty-moderator = Nothing is featured yet. Feature a resource from its page: under "For moderators" tick "Featured on the home page".
home-featured-browse = Open the library

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
error-storage-title = The file is not available right now
error-storage-text = The file store is not answering. The rest of Kolega works; please try again in a few minutes.

## E-mail

email-greeting = Dear { $name },
email-footer = This message was sent to you by Kolega, a community of social workers, teachers and students.
email-account-created-subject = Your Kolega account is ready
email-account-created-body = An administrator has opened an account for you on Kolega. Sign in with your e-mail address and the password the administrator gave you, then change it in your settings.
email-sign-in = Sign in

## Forms

form-has-errors = The form has mistakes. Correct them and send it again:
field-name = Full name
field-email = E-mail address
field-password = Password
field-new-password = New password
field-confirm-password = Repeat the new password
field-current-password = Current password
field-new-email = New e-mail address
field-profession = Professional role
field-country = Country
field-city = City or municipality
field-institution = Institution or organisation
field-institution-hint = For example: Centre for Social Work Vranje, a faculty, an NGO.
field-expertise = Areas of work
field-expertise-hint = Separate with commas, for example: child protection, foster care, domestic violence.
field-bio = About me
field-bio-hint = A few sentences about your work. No client details.
field-locale = Interface language and script
field-listed = Colleagues can find me in the member directory
online-title = Who's here
online-lead = Colleagues who were on Kolega in the last five minutes and chose to be shown. Everyone else is only counted.
online-empty = None of those who chose to be shown is here right now.
online-others = { $count ->
    [one] and { $count } more member who is not shown
   *[other] and { $count } more members who are not shown
}
online-guests = { $count ->
    [one] { $count } guest, not signed in
   *[other] { $count } guests, not signed in
}
online-not-shown = You are not on this list. If you want colleagues to see you here, turn it on in your
online-settings-link = profile settings
field-shown-online = Colleagues can see when I am on Kolega (the "Who's here" list); otherwise I am only counted
password-hint = At least 10 characters. Avoid common passwords and ones that contain your name or address.
error-name-required = Enter your full name.
error-email-invalid = Enter a valid e-mail address, for example name@example.org.
error-email-same = That is already your address.
error-email-ascii = Kolega cannot send to an address with letters such as č, ć, š, ž, đ or Cyrillic: not every mail server accepts them. Enter an address without them.
error-choose-profession = Choose a professional role.
error-choose-country = Choose a country.
error-choose-language = Choose a language.
error-too-long = At most { $max } characters.
error-accept-guidelines = To join, accept the community guidelines.
error-accept-safeguarding = To join, accept the child safeguarding policy.
error-password-wrong = The password is not correct.
error-passwords-differ = The passwords do not match.
error-last-admin-delete = You are the only administrator. Give the administrator role to someone else first.
password-too-short = The password must have at least 10 characters.
password-too-common = This password is among the most common ones. Choose one that is harder to guess.
password-contains-personal = The password must not contain your name or e-mail address.

profession-practitioner = Practitioner
profession-student = Student
profession-teacher = Teacher
role-practitioner = Practitioner
role-student = Student
role-teacher = Teacher
role-moderator = Moderator
role-admin = Administrator
country-RS = Serbia
country-ME = Montenegro
country-BA = Bosnia and Herzegovina
country-HR = Croatia
country-MK = North Macedonia
country-XK = Kosovo
country-AL = Albania
country-SI = Slovenia
country-other = Another country

pagination-label = Pages
pagination-next = Next page
pagination-previous = Previous page
pagination-first = First page

## Joining and signing in

register-title = Join Kolega
register-lead = Kolega is a community of practitioners, teachers and students of social work and social policy. Membership is free.
register-email-hint = We send a confirmation link to this address.
register-accept-legend = Rules I accept
register-accept-guidelines = I have read and accept the community guidelines
register-accept-safeguarding = I have read and accept the child safeguarding policy
register-submit = Join
register-have-account = Already a member?
register-done-title = Check your e-mail
register-done-text = If the address is correct, we have sent you a message with a confirmation link. The link is valid for 48 hours.
register-done-spam = If you do not see it within a few minutes, look in your spam folder too.
verify-done-title = Address confirmed
verify-done-text = Thank you! Your e-mail address is confirmed and you can take part in the community.
verify-done-pending = Thank you! Your address is confirmed. The moderators will review your membership request and e-mail you their decision.
verify-invalid-title = This link is not valid
verify-invalid-text = This confirmation link has already been used or has expired. Sign in and ask for a new one.
verify-taken-title = The address is already in use
verify-taken-text = Another account has started using this address in the meantime, so it cannot be given to your account.
verify-needed-title = Confirm your e-mail address
verify-needed-text = Until you confirm your address you can read, but not post or register for events. We sent a link to:
notice-verify-first = Confirm your e-mail address to join groups, write and register for events.
notice-awaiting-approval = Your account is waiting for a Kolega moderator's approval; we will tell you by e-mail. Until then you can read; joining groups, writing and registering for events open once the account is approved.
notice-not-approved = Your application to Kolega was not approved, so you cannot join groups, write or register for events.
verify-resend = Send the link again
verify-resent = We have sent a new confirmation link.
login-title = Sign in
login-remember = Remember me on this device (30 days)
login-submit = Sign in
login-forgot = Forgot your password?
login-no-account = Not a member yet?
login-failed = The e-mail address or password is not correct.
login-locked = Too many failed sign-in attempts. Try again after { $time }.
login-blocked = This account is blocked. If you think this is a mistake, write to the moderators.
login-declined = The membership request of this account was not approved.
signed-out = You are signed out.
signed-out-everywhere = You are signed out on all devices.
forgot-title = Forgotten password
forgot-lead = Enter the address you sign in with. We will send you a link to set a new password.
forgot-submit = Send the link
forgot-sent-title = Check your e-mail
forgot-sent-text = If there is an account with that address, we have sent it a link to set a new password. The link is valid for one hour.
forgot-again = Ask for a new link
reset-title = New password
reset-submit = Save the new password
reset-expired-title = The link has expired
reset-expired-text = This password link has already been used or has expired (it is valid for one hour).
password-changed = Your password is changed. Sign in with the new password.

## Settings

settings-title = Settings
settings-profile = Profile
settings-save = Save
settings-saved = Your settings are saved.
settings-email = E-mail address
settings-email-current = Current address:
settings-email-hint = The new address is used once you confirm it with the link we send to it.
settings-email-submit = Change address
settings-email-sent = We have sent a confirmation link to the new address. Until then your old address stays.
settings-password = Password
settings-password-submit = Change password
settings-password-changed = Your password is changed. Other devices are signed out.
settings-sessions = Devices
settings-sessions-text = If you signed in on someone else's computer or lost your phone, sign out everywhere at once.
settings-sessions-submit = Sign me out on all devices
settings-data = My data
settings-data-text = Download everything Kolega keeps about you: a ZIP archive with a page you can read and print (index.html) and the same data for programs (data.json).
settings-data-download = Download my data
settings-delete = Deleting the account
settings-delete-text = Deleting your account cannot be undone. Download your data first if you want to keep it.
settings-delete-erased = Erased at once:
settings-delete-erased-profile = your name, e-mail address, password and profile (institution, city, biography, expertise, licence date), and your listing in the directory;
settings-delete-erased-account = your sessions, notifications and their settings, the e-mails Kolega wrote to you and the library topics you follow;
settings-delete-erased-groups = your group memberships (owner and moderator roles included), where you stopped reading and the threads you follow;
settings-delete-erased-events = your event registrations (a place you held at an event still ahead goes to the next person on the waitlist), your licence points and certificates, which can then no longer be verified, your calendar feed, your organiser and speaker roles and your votes on proposals;
settings-delete-erased-courses = the courses you enrolled in and the lessons you marked done;
settings-delete-erased-support = your requests for peer support with their conversations, and your place in the peer-support team.
settings-delete-kept = Stays, signed "former member", so conversations still make sense:
settings-delete-kept-posts = your threads and posts in groups, with their earlier versions (anonymous ones stay anonymous);
settings-delete-kept-support = what you wrote as a peer supporter, in the other member's conversation;
settings-delete-kept-contributions = your event proposals, supervision cases, resources you submitted to the library (drafts too), courses you wrote and suggestions for the service map.
settings-delete-records = Also kept, without your name, as they are shown now: your feedback on events and supervision notes; and records kept for moderation and safety: that you attended past events (in the attendance figures), reports you made and warnings you received in groups, and the logs of what you read or changed as a supervisor or moderator.
settings-delete-submit = Delete my account for good
account-deleted = Your account is deleted. Thank you for being part of the community.

## Colleagues

directory-title = Colleagues
directory-search = Search by name, institution or city
directory-search-hint = Latin or Cyrillic, with or without diacritics: all work.
directory-role = Role
directory-any = Any
directory-submit = Search
directory-empty = No colleagues match your search. Try fewer words or no filters.
profile-place = Place
profile-edit = Edit your profile

## Administration

admin-title = Members
admin-site-settings = Site settings
admin-issuer = Institution that issues attendance certificates
admin-issuer-hint = Printed on every certificate, e.g. "Faculty of Political Sciences, University of Belgrade". Empty: "Kolega".
admin-issuer-too-long = The institution's name can have at most 160 characters.
admin-require-approval = New accounts wait for a moderator's approval after confirming their address
admin-settings-saved = Site settings are saved.
admin-search = Search by name, institution, city or address
admin-status = Show
admin-status-all = All members
admin-status-pending = Requests awaiting approval
admin-status-blocked = Blocked members
admin-empty = No members match the search.
admin-role = Role
admin-state = State
admin-actions = Actions
admin-state-blocked = blocked
admin-state-unverified = address not confirmed
admin-state-pending = awaiting approval
admin-state-declined = declined
admin-approve = Approve
admin-decline = Decline
admin-change-role = Change role
admin-block = Block
admin-unblock = Unblock
admin-role-changed = The role is changed.
admin-last-admin = The last administrator cannot lose the administrator role.
admin-blocked = The member is blocked and signed out on all devices.
admin-unblocked = The member is unblocked.
admin-cannot-block-self = You cannot block yourself.
admin-approved = The request is approved; the member has been e-mailed.
admin-declined = The request is declined; the applicant has been e-mailed.

## Members' e-mail

email-not-you = If you did not ask for this message, you can ignore it.
email-verify-subject = Confirm your e-mail address for Kolega
email-verify-body = Click the link below to confirm that this address is yours.
email-verify-expiry = The link is valid for 48 hours and can be used once.
email-verify-action = Confirm address
email-taken-subject = Someone tried to join with your address
email-taken-body = Someone just tried to open a Kolega account with this address, but you already have one. If it was you, sign in or ask for a new password.
email-taken-action = Ask for a new password
email-reset-subject = A new password for Kolega
email-reset-body = A new password was requested for your account. Click the link below to set it.
email-reset-expiry = The link is valid for one hour and can be used once.
email-reset-action = Set a new password
email-password-changed-subject = Your Kolega password was changed
email-password-changed-body = The password of your account was just changed and other devices were signed out. If this was not you, ask for a new password at once.
email-approved-subject = Your Kolega membership is approved
email-approved-body = The moderators have approved your request. Welcome to the community!
email-declined-subject = Your Kolega membership request
email-declined-body = The moderators did not approve your membership request. If you think this is a mistake, reply to this message.

## Groups

groups-title = Groups
groups-lead = Groups for talking about practice, learning and support. Never post details that could identify a client.
groups-empty = There are no groups you can see yet. Practitioners and teachers can open the first one.
groups-mine = my group
groups-topic = Topic:
groups-all-topics = all topics
groups-last-activity = last activity
thread-count =
    { $count ->
        [one] { $count } thread
       *[other] { $count } threads
    }
reply-count =
    { $count ->
        [one] { $count } reply
       *[other] { $count } replies
    }
unread-count =
    { $count ->
        [one] { $count } unread
       *[other] { $count } unread
    }
visibility-public = Public
visibility-closed = Closed
visibility-secret = Secret
visibility-explained-public = anyone can read; members write.
visibility-explained-closed = listed; content for members only; a group moderator approves who joins.
visibility-explained-secret = not listed; by invitation only.
group-readers-public = Who reads this: anyone, without signing in — and search engines. For confidential matters choose a closed group or Confidential peer support.
group-readers-members =
    { $count ->
        [one] Who reads this: only the group's members ({ $count } member), and site moderators when they review a report.
       *[other] Who reads this: only the group's members ({ $count } members), and site moderators when they review a report.
    }
language-sr = Serbian / Croatian / Bosnian / Montenegrin
language-en = English
language-mk = Macedonian
language-sq = Albanian
group-new-title = Open a group
group-field-name = Group name
group-field-description = Description
group-field-visibility = Who sees the group
group-field-language = Language of the group
group-field-topics = Topics
group-field-topics-hint = Separate with commas, for example: child protection, foster care.
group-field-anonymous = Members may post anonymously (only in a closed or secret group, for example one supporting helpers)
group-field-class = A class group: students join with a code
markdown-hint = You can use Markdown: **bold**, _italic_, lists with a dash, [link](https://…).
group-create = Open the group
group-created = The group is open.
error-group-name = The name must have at least 3 characters.
error-group-visibility = Choose who sees the group.
error-group-anonymous-public = Anonymous posting is only possible in a group read by its members: a public group is read by every visitor. Choose a closed or secret group, or turn anonymous posting off.
group-join-title = Join with a code
group-join-lead = Enter the code your teacher gave you.
group-join-code = Group code
group-join-submit = Join
error-join-code = There is no group with that code. Check the code with your teacher.
group-join-code-is = Join code:
group-join = Join
group-joined = You are a member of the group.
group-leave = Leave the group
group-left = You have left the group.
group-request = Ask to join
group-request-message = A message to the group's moderators (optional)
group-requested = Your request is waiting for a group moderator's approval.
group-members-only = Only members see what is in this group.
group-sign-in-to-join = Sign in to join the group.
threads-title = Threads
threads-empty = No threads yet. Start the first one.
thread-new-title = New thread
thread-field-title = Title
thread-create = Post the thread
thread-pinned = pinned
thread-locked = locked
thread-locked-text = This thread is locked: no new replies.
thread-first-unread = Go to the first unread post
error-thread-title = The title must have at least 3 characters.
error-post-empty = Write the text of your post.
post-field-body = Text
post-body-hint = Markdown is allowed. No names, JMBG, addresses or phone numbers of clients.
post-no-client-data = Describe the case so that the client cannot be recognised.
post-anonymous = Post as an anonymous colleague
post-anonymous-badge = posted anonymously
post-edited = edited
post-deleted = The author deleted this post.
post-reply-title = Reply
post-reply = Send the reply
anonymous-colleague = Anonymous colleague
former-member = Former member
personal-data-found = The text may contain a client's personal data:
personal-data-jmbg = The text contains a JMBG. Remove it — a JMBG must never be posted.
personal-data-phone = The text contains a phone number.
personal-data-email = The text contains an e-mail address.
personal-data-address = The text contains an address with a house number.
personal-data-confirm = I have checked: this is not a client's data
personal-data-confirm-needed = Remove the personal data, or confirm that it is not a client's.
personal-data-name = The text contains a first name and surname.
personal-data-place = The text contains the name of a village or place.
personal-data-age = The text contains an age next to a name.
deident-found = This may identify a person. Replace what is highlighted with neutral placeholders, or confirm that it does not identify anyone.
deident-kind-jmbg = JMBG
deident-kind-phone = Phone
deident-kind-email = E-mail
deident-kind-address = Address
deident-kind-name = Name
deident-kind-place = Village or place
deident-kind-age = Age next to a name
deident-never = a JMBG cannot be confirmed, only removed
deident-choices = The “Replace with placeholders” button replaces each highlighted part with a placeholder such as [name] and shows you the text before it is sent.
deident-rewrite = Replace with placeholders
deident-rewritten = The highlighted data has been replaced with placeholders. Read the text and submit it.
deident-confirm = I confirm these are not identifying (e.g. a public institution's phone)
deident-confirm-needed = Replace the highlighted data with placeholders, or confirm for exactly these that they do not identify anyone.
deident-confirm-changed = The text has changed and holds other data now: look at it and confirm again.
deident-placeholder-jmbg = [JMBG]
deident-placeholder-phone = [phone]
deident-placeholder-email = [e-mail]
deident-placeholder-address = [address]
deident-placeholder-name = [name]
deident-placeholder-place = [place]
deident-placeholder-age = [age]
group-members-title = Group members
group-members-manage = requests, invitations and roles
group-members-empty = The group has no members yet.
group-invite-title = Invite a colleague
group-invite-who = Handle (@name) or e-mail address of a Kolega member
group-invite-submit = Send the invitation
group-invited = If there is such a member, we have sent them an invitation.
group-code-regenerate = Make a new code
group-code-disable = Turn the code off
group-code-changed = The join code is changed.
group-role-owner = owner
group-role-moderator = group moderator
group-role-member = member
group-status-requested = awaiting approval
group-status-invited = invited
group-status-banned = banned
group-status-active = member
group-make-moderator = Make moderator
group-make-member = Remove moderator role
group-remove = Remove from the group
group-ban = Remove and ban
group-request-approved = The request is approved; your colleague has been e-mailed.
group-request-declined = The request is declined; your colleague has been e-mailed.
group-member-removed = The member is removed from the group.
group-member-banned = The member is banned from the group.
group-role-changed = The group role is changed.
email-open-group = Open the group
email-group-approved-subject = You are now a member of "{ $group }"
email-group-approved-body = The moderators of "{ $group }" have approved your request. Welcome!
email-group-declined-subject = Your request to join "{ $group }"
email-group-declined-body = The moderators of "{ $group }" did not approve your membership request.
email-group-invite-subject = An invitation to "{ $group }"
email-group-invite-body = { $inviter } invites you to the group "{ $group }" on Kolega. Open the group and click "Join".
post-quote = Quote
post-edit = Edit
post-delete = Delete
post-edit-title = Editing a post
post-history-title = Earlier versions
post-history-current = Current text
post-history-replaced = Version replaced on
post-history-empty = The post has not been changed.
thread-pin = Pin
thread-unpin = Unpin
thread-lock = Lock
thread-unlock = Unlock
thread-move-to = Move to group
thread-move = Move
thread-updated = The thread is updated.
thread-moved = The thread is moved.
thread-moderation-menu = Moderate this thread
thread-move-placeholder = Choose a group…
thread-move-none = There is no other group you moderate to move this thread to.
thread-move-choose = Choose the group to move the thread to.
thread-move-refused = You cannot move the thread there: choose one of the groups you moderate.
group-follow = Follow the group (e-mail for new threads)
group-unfollow = Stop following
group-following = You follow the group: we will tell you about every new thread.
group-not-following = You no longer follow the group.
thread-subscribed = You follow this thread: we tell you about new replies.
thread-follow-on = Following this thread ✓ — stop following
thread-follow-off = Follow this thread
thread-not-followed = You do not follow this thread: replies are not e-mailed to you.
thread-muted = The thread is muted: we send you nothing about it.
thread-subscription-saved = The thread's notification setting is saved.
email-group-open-thread = Open the thread
email-group-reply-public-subject = New reply in "{ $thread }"
email-group-reply-public-body = { $author } replied in "{ $thread }" in the group "{ $group }":
email-group-reply-private-subject = New reply in the group "{ $group }"
email-group-reply-private-body = There is a new reply in a thread you follow in the group "{ $group }". The group's content is confidential, so we do not send it by e-mail.
email-group-new-thread-public-subject = New thread in "{ $group }": { $thread }
email-group-new-thread-public-body = { $author } started "{ $thread }" in the group "{ $group }":
email-group-new-thread-private-subject = New thread in the group "{ $group }"
email-group-new-thread-private-body = A new thread was started in the group "{ $group }". The group's content is confidential, so we do not send it by e-mail.
email-group-mention-public-subject = { $author } mentioned you in "{ $group }"
email-group-mention-public-body = { $author } mentioned you in "{ $thread }":
email-group-mention-private-subject = You were mentioned in the group "{ $group }"
email-group-mention-private-body = Someone mentioned you in the group "{ $group }". The group's content is confidential, so we do not send it by e-mail.
search-title = Search conversations
search-words = Words
search-group = Group
search-all-groups = All groups I can see
search-empty = Nothing found. Try fewer or different words.
nav-moderation = Moderation
nav-moderation-waiting = waiting for a decision
flag-link = Report
flag-title = Report a post to the moderators
flag-lead = Report a post that breaks the community guidelines. The moderators will review it within 24 hours.
flag-reason = Reason
flag-reason-spam = Advertising or spam
flag-reason-personal_data = Contains a client's personal data
flag-reason-harassment = Harassment or insult
flag-reason-other = Something else
flag-note = A note for the moderators (optional)
flag-submit = Send the report
flag-thanks = Thank you. The moderators will review your report.
moderation-title = Moderation
moderation-empty = There are no open reports.
moderation-flags-title = Reported posts
held-title = Posts waiting for approval
held-lead = In these groups a new member's first post waits for approval. Until you decide, only its author sees it.
held-new-thread = new thread
held-reason = Reason, if you decline (sent to the author)
held-reason-hint = For example: the post contains details by which a client could be recognised.
held-decline = Decline
held-declined = The post is declined; its author has been told why.
held-already-decided = That post has already been decided on.
held-error-reason = Tell the author why the post is not published.
moderation-note = Note to the author (sent if you hide the post, warn or ban)
moderation-warn = Warn the author
moderation-ban = Ban the author from the group
moderation-earlier-warnings = { $count ->
    [one] The author has been warned once before in this group.
   *[other] The author has been warned { $count } times before in this group.
}
moderation-kept-author-told = The post is kept; the author has been told.
moderation-hide = Hide the post
moderation-keep = Keep the post
moderation-hidden = The post is hidden; the author has been told.
moderation-kept = The post is kept.
moderation-already-decided = Another moderator has already decided on that post.
post-hidden = The moderators have hidden this post.
post-hidden-badge = hidden by moderators
email-post-hidden-subject = Your post in "{ $group }" was hidden
email-post-hidden-body = The moderators of "{ $group }" have hidden one of your posts because it breaks the community guidelines.
email-post-hidden-note = The moderator's note:
email-moderators-subject = A message from the moderators of "{ $group }"
email-post-warned-body = The moderators of "{ $group }" warn you that one of your posts breaks the community guidelines. Further breaches may lead to exclusion from the group.
email-post-banned-body = You can no longer take part in "{ $group }".

## Peer support

support-title = Confidential peer support
support-lead = If you feel overwhelmed or exhausted, or simply need to talk, write to the team of peer supporters. One of them will take your request and talk only with you.
support-privacy = This is not a group and nothing here is published: your request is seen only by you and the one colleague from the support team who takes it. Until then the team sees only the topic you choose, the language and how long it has waited. It never appears in search, and e-mails do not contain the conversation.
support-field-body = What is troubling you?
support-field-hint = Write freely. Do not include client details.
support-field-topic = What would you like to talk about?
support-field-topic-hint = The team sees only the topic, the language and how long the request has waited; your words are read only by the colleague who takes it.
support-field-language = Language of the conversation
support-error-topic = Choose a topic, so that a colleague with experience of it takes the request.
support-topic-stress = Stress and overload
support-topic-burnout = Burnout
support-topic-difficult-case = A difficult case that stays with me
support-topic-workplace = Relations at work
support-topic-safety = Threats and safety at work
support-topic-personal = A personal situation
support-topic-other = Something else
support-queue-lead = Only the colleague who takes a request reads its words. Take a request if you have time to talk in the coming days.
support-waited-minutes =
    { $count ->
        [one] waiting for { $count } minute
       *[other] waiting for { $count } minutes
    }
support-waited-hours =
    { $count ->
        [one] waiting for { $count } hour
       *[other] waiting for { $count } hours
    }
support-waited-days =
    { $count ->
        [one] waiting for { $count } day
       *[other] waiting for { $count } days
    }
support-field-reply = Your reply
support-submit = Send the request for support
support-sent = Your request has been sent to the support team. We will tell you when someone takes it.
support-mine = My conversations
support-as-supporter = you are supporting
support-status-open = waiting
support-status-taken = ongoing
support-status-closed = finished
support-queue-title = Requests for support
support-queue-empty = No requests are waiting.
support-take = Take this conversation
support-already-taken = Another colleague has already taken that request.
support-conversation-title = Conversation
support-waiting = The request is waiting for someone from the team to take it.
support-you = You
support-close = End the conversation
support-closed = The conversation has ended.
support-team-title = Support team
support-team-lead = Colleagues on the team receive requests for support and hold confidential conversations.
support-team-empty = The team has no members yet.
support-team-handle = Member's handle
support-team-add = Add to the team
support-team-remove = Remove from the team
support-team-saved = The team is updated.
support-team-unknown = There is no member with that handle.
email-support-open = Open
email-support-new-subject = A colleague is asking for support
email-support-new-body = A colleague has sent a request for support. If you can talk, please take it.
email-support-reminder-subject = A request for support is still waiting
email-support-reminder-body = A request for support has been waiting for 24 hours. If you can talk, please take it.
email-support-taken-subject = Your request for support has been taken
email-support-taken-body = A colleague from the support team has taken your request. A reply is waiting for you on Kolega.
email-support-message-subject = A new message in your support conversation
email-support-message-body = There is a new message in your confidential conversation.
group-settings-title = Group settings
group-settings-saved = The group settings are saved.
group-visibility-fixed = visibility does not change after a group is opened, so confidential conversations stay confidential.
group-field-first-post-approval = A new member's first post waits for a moderator's approval
post-pending = waiting for a moderator's approval
post-pending-saved = Your post is waiting for a group moderator's approval.
post-declined-badge = declined
post-declined-explained = A group moderator did not publish this post. Only you see it; the reason:
email-post-held-subject = A post waits for your approval in “{ $group }”
email-post-held-body = A new post in “{ $group }” waits for you to approve or decline it. Until you decide, only its author sees it.
email-post-held-action = Open moderation
email-post-declined-subject = Your post in “{ $group }” was not published
email-post-declined-body = A moderator of “{ $group }” did not publish your post. Your text is kept and only you see it. The reason the moderator gave:
email-post-declined-action = See the post
post-approved = The post is approved.

## Events
events-title = Events
events-when-label = Upcoming or past events
events-upcoming = Upcoming
events-past = Past
events-empty = No upcoming events match. Try other filters, or propose a topic to the organisers.
events-empty-past = No past events match these filters.
filter-all = All
filter-apply = Show
event-kind-webinar = Webinar
event-kind-supervision = Supervision meeting
event-kind-regional_meeting = Regional meeting
event-kind-round_table = Round table
event-kind-training = Training
event-kind-conference = Conference
event-new-title = New event
event-edit-title = Edit the event
event-field-kind = Kind
event-field-title = Title
event-field-description = Description
event-field-start-date = Date
event-field-start-time = Starts at
event-field-end-date = Ends on
event-field-end-date-hint = Leave empty if it ends the same day.
event-field-end-time = Ends at
event-field-language = Language
event-field-speakers = Speakers who are not members
event-field-speakers-hint = For example: "dr Ana Petrović, Faculty of Political Sciences".
event-field-audience = Who may come
event-audience-public = Everyone (public)
event-audience-members = Kolega members
event-audience-group = Members of the group "{ $group }"
event-field-capacity = Places
event-field-capacity-hint = Leave empty for no limit. When the event is full, people join a waitlist.
event-field-deadline-date = Registration closes on
event-field-deadline-time = at
event-field-deadline-hint = Leave empty to keep registration open until the event starts.
event-field-online-link = Online link
event-field-online-link-hint = Only registered participants see it.
event-field-address = Address
event-field-city = City
event-field-points = Licence points
event-field-points-hint = Accreditation points for licence renewal; 0 if none.
event-field-accreditation = Accreditation number
event-field-accreditation-hint = If the event is accredited, e.g. A-1234/2026; leave empty if not.
event-save = Save the event
event-created = The event is published.
event-saved = The changes are saved; registrants have been told of any change of time or place.
event-cancelled = The event is cancelled; everyone registered has been told.
event-when = When
event-belgrade-time = Belgrade time
event-place = Place:
event-online = Online
event-online-link = Link:
event-link-for-registered = The link is shown to registered participants.
event-organisers = Organisers
event-speakers = Speakers
event-group = Group
event-places = Places
event-places-left = { $count ->
    [one] { $count } place left
   *[other] { $count } places left
}
event-places-unlimited = No limit
event-full-badge = Full — waiting list
event-waitlist-count = { $count } on the waitlist
event-registered-count = { $count ->
    [one] { $count } registered
   *[other] { $count } registered
}
event-deadline = Registration deadline
event-points-badge = { $points } licence points
event-registration = Registration
event-register = Register
event-join-waitlist = Join the waitlist
event-unregister = Cancel my registration
event-leave-waitlist = Leave the waitlist
event-registered = You are registered. The confirmation with a calendar file is on its way.
event-waitlisted = The event is full: you are on the waitlist. If a place frees up it is yours, and we will e-mail you.
event-unregistered = Your registration is cancelled.
event-you-are-registered = You are registered
event-you-are-waitlisted = You are on the waitlist.
event-sign-in-to-register = Sign in to register.
event-registration-closed = Registration is closed.
event-add-to-calendar = Add to calendar (.ics)
event-for-organisers = For organisers
event-cancel-reason = Reason for cancelling:
event-cancel = Cancel the event
event-cancelled-badge = cancelled
event-cancelled-notice = This event is cancelled.
event-participants-title = Participants
event-participants-empty = Nobody has registered yet.
event-participant-name = Name
event-participant-institution = Institution
event-participant-status = Status
event-participant-since = Registered
registration-status-registered = registered
registration-status-waitlisted = on the waitlist
registration-status-cancelled = cancelled
error-event-kind = Choose the kind of event.
error-event-title = Give the event a title (at least 3 characters).
error-event-datetime = Enter a date (YYYY-MM-DD) and a time (HH:MM).
error-event-datetime-skipped = This time does not exist that day: the clocks move forward from 02:00 to 03:00.
error-event-ends-before-start = The event must end after it starts.
error-event-audience = Choose who may come.
error-event-capacity = Enter a number of places (at least 1), or leave it empty.
error-event-link = Enter the link's full address, starting with https://.
error-event-link-characters = The link's address must not contain spaces or the characters < > ".
error-event-link-credentials = The link's address must not contain a user name or password.
error-event-in-past = This date has passed. Check the year and month; if you are entering an event that took place, for the record, confirm it below.
event-field-past-confirm = Yes, this event has already taken place (I am entering it for the record).
error-event-where = Give an online link, an address or a city.
error-event-points = Enter licence points between 0 and 100.
error-event-accreditation = The accreditation number may have at most 40 characters: letters, digits, spaces, hyphens, slashes and full stops.
calendar-feed-title = My calendar
calendar-feed-explained = Subscribe to this private address in Google Calendar, Outlook or Thunderbird to see the events you registered for. Do not share it; if you did, get a new one.
calendar-feed-address = Calendar address
calendar-feed-renew = Get a new address
calendar-feed-renewed = You have a new calendar address; the old one no longer works.
calendar-feed-name = Kolega — my events
email-open-event = Open the event
email-event-registered-subject = You are registered: { $title }
email-event-registered-body = You are registered for "{ $title }", { $when } (Belgrade time). The calendar file is attached.
email-event-waitlisted-subject = On the waitlist: { $title }
email-event-waitlisted-body = "{ $title }" ({ $when }) is full, so you are on the waitlist. If a place frees up, it is yours and we will let you know.
email-event-promoted-subject = A place is yours: { $title }
email-event-promoted-body = A place has freed up and it is yours: you are registered for "{ $title }", { $when } (Belgrade time). The calendar file is attached.
email-event-changed-subject = Changed: { $title }
email-event-changed-body = The time or place of "{ $title }" has changed. It is now { $when } (Belgrade time). The updated calendar file is attached.
email-event-cancelled-subject = Cancelled: { $title }
email-event-cancelled-body = "{ $title }", planned for { $when }, is cancelled.
email-event-reminder-day-subject = { $day ->
    [today] Today: { $title }
   *[tomorrow] Tomorrow: { $title }
}
email-event-reminder-day-body = A reminder: "{ $title }" starts { $left }, on { $when } (Belgrade time).
email-event-reminder-hour-subject = Starts { $left }: { $title }
email-event-reminder-hour-body = "{ $title }" starts { $left }: { $when } (Belgrade time).
event-in-minutes = { $count ->
    [one] in { $count } minute
   *[other] in { $count } minutes
}
event-in-hours = { $count ->
    [one] in { $count } hour
   *[other] in { $count } hours
}
event-after-title = Recording and materials
event-watch-recording = Watch the recording
event-recording-for-registered = The recording is available to registered participants.
event-recording = Recording:
event-recording-title = Recording and materials
event-recording-saved = Saved. The first time a recording is added, everyone registered is told.
event-field-recording = Recording link
event-field-recording-hint = Registered participants see it and are e-mailed when it is first added.
event-field-materials = Materials
event-attendance-title = Attendance
event-attendance-legend = Who attended
event-attendance-save = Save attendance
event-attendance-saved = Attendance is saved; licence points are written for those who attended.
event-checkin-code-is = Check-in code:
event-checkin-explained = show it during the event; participants type it on the event page to check themselves in.
event-checkin-code = Check-in code (shown during the event)
event-check-in = Check in
event-checked-in = You are checked in. Thank you for coming!
event-checkin-wrong-code = That is not the code shown at the event. Try again.
event-you-attended = You attended this event.
event-feedback-title = Rate the event
event-feedback-rating = How useful was it for your work?
event-feedback-rating-5 = 5 — very useful
event-feedback-rating-4 = 4 — useful
event-feedback-rating-3 = 3 — somewhat
event-feedback-rating-2 = 2 — a little
event-feedback-rating-1 = 1 — not useful
event-feedback-comment = Comment (optional)
event-feedback-send = Send
event-feedback-thanks = Thank you for your feedback.
event-feedback-summary = Feedback
event-feedback-none = No feedback yet.
event-feedback-average = Average rating { $average }
event-feedback-count = { $count ->
    [one] { $count } rating
   *[other] { $count } ratings
}
error-feedback-rating = Choose a rating from 1 to 5.
points-title = My licence points
points-lead = Points from accredited events you attended, per year and per licence period, each with a certificate you can print.
points-licence-since = My licence is valid from
points-licence-since-hint = Licences run six years; with this date points are also summed per licence period.
points-licence-save = Save
points-licence-saved = Saved.
error-licence-date = Enter the date your licence was issued (YYYY-MM-DD).
points-per-period = Per licence period
points-period = Period
points-per-year = Per year
points-year = Year
points-points = Points
points-events = Events
points-event = Event
points-date = Date
points-empty = No points yet. Accredited events are listed under
points-supervision = Supervision
points-supervision-hours = Supervision meetings attended: { $hours } hours
points-supervision-none = You have not attended a supervision meeting yet.
certificate-title = Certificate
certificate-heading = Certificate of attendance
certificate-attended = attended
certificate-code = Verification code:
certificate-verify-at = Anyone can check it at
certificate-print = Print this page from your browser (Ctrl+P).
certificate-verify-title = Certificate check
certificate-valid = This certificate is valid.
certificate-organiser = Organiser
certificate-issuer = Issued by
certificate-unknown-title = There is no certificate with that code
certificate-unknown-lead = No certificate has the code “{ $code }”. Check that you copied it correctly and try again.
certificate-verify-button = Check
email-event-recording-subject = The recording is available: { $title }
email-event-recording-body = The recording of "{ $title }" ({ $when }) is available.
email-registrations-ended-left-subject = Your registrations for events of "{ $group }" have ended
email-registrations-ended-left-body = You left the group "{ $group }", so your registrations for its events that have not started yet have ended:
email-registrations-ended-removed-subject = Your registrations for events of "{ $group }" have ended
email-registrations-ended-removed-body = You are no longer a member of the group "{ $group }", so your registrations for its events that have not started yet have ended:
email-registrations-ended-blocked-subject = Your registrations for events have ended
email-registrations-ended-blocked-body = An administrator has blocked your account, so your registrations for events that have not started yet have ended:
email-registrations-ended-after = Your places have gone to others. You will get no more reminders or notices about these events, and they leave your Kolega calendar.
proposals-title = Proposals
proposals-lead = Propose a webinar or a topic you need for your work, and support colleagues' proposals. Organisers turn the most supported into events.
proposals-empty = No proposals yet. Be the first to say what you need.
proposal-new-title = Propose a webinar or topic
proposal-field-kind = What do you propose?
proposal-kind-webinar = A webinar
proposal-kind-topic = A topic
proposal-field-title = Title
proposal-field-description = Why it matters
proposal-field-description-hint = A few sentences: what you need to learn, for whom.
proposal-submit = Propose
proposal-created = Your proposal is published, with your vote.
proposal-voted = Saved.
proposal-closed = The proposal is closed; the author has been told.
proposal-status-open = open
proposal-status-scheduled = became an event
proposal-status-closed = closed
proposal-votes = { $count ->
    [one] { $count } supporter
   *[other] { $count } supporters
}
proposal-vote = Support
proposal-unvote = Take back my support
proposal-make-event = Make it an event
proposal-close = Close
proposal-close-reason = Reason:
proposal-see-event = See the event
error-proposal-kind = Choose a webinar or a topic.
error-proposal-title = Give the proposal a title (at least 5 characters).
email-proposal-closed-subject = Your proposal was closed: { $title }
email-proposal-closed-body = The organisers have closed your proposal "{ $title }".
email-proposal-scheduled-subject = A proposal you supported is now an event: { $title }
email-proposal-scheduled-body = "{ $title }", which you supported, is now an event. Registration is open.
group-full = The group is full: a supervision group takes as many supervisees as its supervisor set.
supervision-title = Agenda and notes
supervision-confidential = Confidential: only this group sees it, and every reading is logged.
supervision-deleted-after = Cases and notes are deleted on { $date }.
supervision-cases = Cases on the agenda
supervision-no-cases = No cases yet. Supervisees add them before the meeting.
supervision-case-new = Add a case
supervision-case-added = Your case is on the agenda.
supervision-notes = Supervisor's notes
supervision-no-notes = No notes yet.
supervision-write-notes = Write the notes
supervision-notes-lead = Notes after the meeting, visible only to this group.
supervision-notes-saved = The notes are saved.
supervision-settings = Supervision
supervision-settings-lead = A supervision group collects de-identified cases before each meeting and keeps the supervisor's notes after it. Every reading is logged below; cases and notes are deleted after the retention period.
supervision-field-enabled = This is a supervision group
supervision-field-limit = Supervisees at most
supervision-field-limit-hint = Usually up to 8.
supervision-field-retention = Keep cases and notes for (months)
supervision-field-retention-hint = After this many months from a meeting, its cases and notes are deleted; you get a warning a week before.
supervision-settings-saved = Saved.
supervision-access-log = Who read what
supervision-access-log-empty = Nobody has read cases or notes yet.
supervision-read-when = When
supervision-read-who = Who
supervision-read-what = What
supervision-read-cases = cases
supervision-read-notes = notes
error-supervision-limit = Enter a number of supervisees from 1 to 50.
error-supervision-retention = Enter a number of months from 1 to 120.
case-lead = Describe the situation without anything that identifies the person: an age band instead of a birth date, the size of the place instead of its name.
case-field-age = Age of the person
case-age-0-5 = 0–5 years
case-age-6-11 = 6–11 years
case-age-12-17 = 12–17 years
case-age-18-25 = 18–25 years
case-age-26-64 = 26–64 years
case-age-65plus = 65 and older
case-field-municipality = Size of the place
case-size-village = village
case-size-small = small town
case-size-medium = medium town
case-size-city = city
case-field-situation = The situation
case-situation-hint = No names, dates of birth, addresses or JMBG. Markdown works.
case-field-question = The question for supervision
case-submit = Add to the agenda
error-case-age-band = Choose an age band.
error-case-municipality = Choose the size of the place.
error-case-too-short = Write at least a sentence.
email-retention-subject = Supervision cases in "{ $group }" will be deleted on { $date }
email-retention-body = The cases and notes of a meeting of "{ $group }" reach the end of their retention period and will be deleted on { $date }. Save what you must keep in your own records.
event-field-member-speakers = Speakers who are members
event-field-member-speakers-hint = Their handles, e.g. "@ana-vukovic, @nikola-djordjevic".
error-event-speaker-unknown = No member has these handles: { $handles }.

## Library
library-title = Library
library-search-label = Search protocols, guides and materials
library-search-submit = Search
library-sort = Order
library-sort-relevance = Most relevant
library-sort-newest = Newest
library-sort-downloads = Most downloaded
library-feed = New resources (Atom feed)
library-facets = Narrow the results
library-facet-kind = Kind
library-facet-topic = Topic
library-facet-language = Language
library-facet-audience = For whom
library-facet-year = Year
library-empty = Nothing found. Try fewer words or remove a filter.
library-mine = My submissions
library-new-title = Submit a resource
library-new-lead = Share a protocol, guide, brochure or training material. It stays a draft until you send it for review; the moderators check it before it is published.
library-edit-title = Edit the record
library-field-title = Title
library-field-summary = Summary
library-field-kind = Kind
library-field-topics = Topics
library-field-language = Language
library-field-script = Script
script-latin = Latin
script-cyrillic = Cyrillic
library-field-audience = For whom
library-field-source = Source organisation
library-field-authors = Authors
library-field-year = Year
library-field-licence = Licence
library-field-licence-hint = E.g. "CC BY 4.0" or "all rights reserved, shared with permission".
library-field-link = Link (instead of a file)
library-field-link-hint = The address where the resource is published, if you do not upload a file.
library-field-file = File
library-field-file-hint = PDF, DOCX, ODT or PPTX, up to 25 MB.
library-save-draft = Save the draft
library-draft-saved = The draft is saved. Send it for review when it is ready.
library-saved = Saved; the change is logged.
library-submit-lead = When the record is complete, send it to the moderators.
library-submit = Send for review
library-submitted = Sent for review. You will get an e-mail when the moderators decide.
library-review-title = Review queue
library-review-empty = Nothing waits for review.
library-for-moderators = For moderators
library-publish = Publish
library-return = Return to the submitter
library-return-reason = Reason:
library-archive = Archive
library-published = Published; the submitter has been told.
library-returned = Returned; the submitter has been told why.
library-archived = Archived.
error-library-return-reason = Give a reason for returning it.
library-members-only-title = This resource is for members only
library-members-only-text = The resource exists, but only signed-in Kolega members can open it.
library-members-only-sign-in = Sign in to open it
library-members-only-join = Not a member? Join
library-members-only = Members only
library-featured = Featured on the home page
library-save-flags = Save the flags
library-save-links = Save the links
library-changes = Changes
library-download = Download
library-open-link = Open the link
library-downloads = Downloads
library-cite = Cite this
resource-kind-protocol = Protocol
resource-kind-guideline = Guideline
resource-kind-brochure = Brochure for citizens
resource-kind-research = Research or article
resource-kind-training = Training material
resource-kind-translation = Translation
resource-kind-form = Form or template
resource-kind-recording = Recording
resource-language-sr = Serbian
resource-language-cnr = Montenegrin
resource-language-bs = Bosnian
resource-language-hr = Croatian
resource-language-mk = Macedonian
resource-language-sq = Albanian
resource-language-en = English
resource-audience-professionals = Professionals
resource-audience-students = Students
resource-audience-citizens = Citizens
resource-status-draft = draft
resource-status-submitted = waiting for review
resource-status-returned = returned
resource-status-published = published
resource-status-archived = archived
error-resource-title = Give the resource a title (at least 3 characters).
error-resource-kind = Choose the kind of resource.
error-resource-audience = Choose for whom it is.
error-resource-year = Enter a year such as 2024.
error-resource-file-or-link = Upload a file or give a link.
error-upload-too-large = The file is larger than 25 MB.
error-upload-type = This file is not a PDF, DOCX, ODT or PPTX document (its content was checked, not its name).
error-upload-empty = The file is empty.
error-upload-interrupted = The upload was interrupted. Please try again.
email-open-resource = Open the resource
email-resource-published-subject = Published: { $title }
email-resource-published-body = The moderators have published "{ $title }" in the library. Thank you for sharing it.
email-resource-returned-subject = Returned for changes: { $title }
email-resource-returned-body = The moderators have returned "{ $title }" to you. Change it and send it for review again.
library-superseded = A newer version exists:
library-related = Translations and versions
library-relation-original = Original
library-relation-translation = Translation
library-relation-newer = Newer version
library-relation-older = Earlier version
library-field-translation-of = A translation of (the original's address)
library-field-superseded-by = Superseded by (the newer version's address)
error-library-link = No resource has that address.
library-preview = Open in the browser
library-print = Printable view
library-topics-title = Library topics
library-topic-name-sr = Name in Serbian
library-topic-name-en = Name in English
library-topic-rename = Rename
library-topic-new = A new topic
library-topic-add = Add the topic
error-topic-name = Give a name of 3 to 80 characters.
library-counts-newest = Counts among the newest matches only; add words or filters to narrow them.
library-count = { $count ->
    [one] { $count } resource found.
   *[other] { $count } resources found.
}
library-count-at-least = More than { $count } resources found; the newest are shown.

## Service map
nav-services = Service map
services-title = Map of social services
services-intro = Who provides which social service, and where: centres for social work, SOS lines, shelters, day care, home care and more across the region. Open to everyone, no sign-in needed.
services-search-label = Search services
services-search-submit = Search
services-kind = Kind of service
services-any-kind = All kinds
services-group = Who it is for
services-any-group = Everyone
services-country = Country
services-any-country = All countries
services-place = Place
services-place-label = Municipality or city
services-any-place = Anywhere
services-mode-near = nearest first
services-mode-in = only in this municipality
services-near-me = Use my location
services-near-me-asking = Finding your location…
services-near-me-denied = Your location is not available; choose a municipality from the list.
services-near-you = your location
services-ordered-near = Ordered by distance from: { $place }
services-map-label = Map of the services found
services-map-attribution = © OpenStreetMap contributors
services-map-zoom-in = Zoom the map in
services-map-zoom-out = Zoom the map out
services-empty = No service matches this search. Try fewer words or other filters.
services-call = Call
services-demo = demo data
services-stale = may be out of date
services-stale-notice = Nobody has checked this entry for more than a year and it may be out of date. Call the service before you go; if you know what changed, suggest a correction.
services-contacts = Contact
services-contact-person = Contact person
services-where = Where
services-address-confidential = The address is not published, for the safety of the people it protects. Call the number above.
services-accessibility = Accessibility
services-about = About the service
services-eligibility = Who can use it
services-fees = Cost
services-hours = Opening hours
services-languages = Languages
services-how-to-apply = How to apply
services-provider = Provider
services-last-verified = Last checked: { $date }
services-never-verified = Not checked yet.
services-suggest-title = Suggest a correction
services-suggest-sign-in = Sign in to suggest a correction
services-edit-title = Edit the service
services-mark-verified = Mark as checked today
services-verified = The service is marked as checked.
services-saved = Your changes are saved.
services-new-title = Suggest a new service
services-suggest-lead = Moderators check every suggestion before it is published and tell you their decision by e-mail.
services-section-provider = Provider
services-section-service = Service
services-field-organization = Organisation name
services-field-legal-status = Legal status
services-hint-legal-status = For example: public social-care institution, citizens' association.
services-field-organization-description = About the organisation
services-field-website = Website
services-field-email = E-mail
services-field-phone = Phone
services-field-name = Service name
services-field-description = Description
services-hint-fees = For example: free, or as decided by the centre for social work.
services-hint-hours = For example: weekdays 7:30–15:30, SOS line 24/7.
services-hint-contacts = Give at least one contact: a phone, an e-mail address or a website.
services-field-municipality = Municipality or city
services-field-location-name = Location name
services-field-address = Street and number
services-field-postal-code = Postal code
services-field-confidential = The address is confidential (e.g. a shelter): the map shows only the town
services-field-latitude = Latitude
services-field-longitude = Longitude
services-hint-coordinates = Optional, e.g. 42.5514 and 21.9003. Without them the town centre is used.
services-hint-accessibility = For example: step-free entrance, lift, sign-language interpreter.
services-field-note = What you changed and how you know
services-hint-note = For example: "I called on 3 December; they have a new phone number."
services-send-suggestion = Send the suggestion
services-save = Save
services-suggestion-sent = Thank you! Your suggestion has gone to the moderators.
services-review-title = Service map suggestions
services-review-suggestions = Members' suggestions
services-review-empty = No suggestions are waiting.
services-review-stale = Not checked for more than a year
services-stale-count = { $count ->
    [one] { $count } service is waiting to be checked.
   *[other] { $count } services are waiting to be checked.
}
services-correction-of = Correction to:
services-new-service = New service
services-suggestion-title = Suggestion
services-changed-fields = Changed fields
services-nothing-changed = The suggestion changes no field.
services-change-empty = (empty)
services-change-becomes = becomes
services-change-confidential = Confidential address
services-change-coordinates = Coordinates
services-yes = yes
services-no = no
services-accept = Accept and publish
services-refuse = Refuse
services-refuse-reason = Reason for refusing:
services-hint-refuse = Sent to the member who made the suggestion.
error-services-refuse-reason = Give a reason, so the member knows why the suggestion was refused.
services-suggestion-accepted = The suggestion is accepted and the member has been told.
services-suggestion-refused = The suggestion is refused and the member has been told.
services-coverage-title = Service coverage by municipality
services-coverage-intro = How many published services of each kind every municipality has — and where there are none. A number links to the list of those services.
services-coverage-region = District or region
services-coverage-any-region = All districts and regions
services-coverage-show = Show
services-coverage-empty = No municipalities match this choice. Choose another country or all districts.
services-coverage-gaps = Where services are missing
services-coverage-missing = { $kind }: missing in { $missing } of { $total } { $total ->
    [one] municipality
   *[other] municipalities
}.
services-coverage-everywhere = { $kind }: present in every municipality ({ $total }).
services-coverage-table = Services by municipality
services-coverage-how = A dash means the municipality has no published service of that kind.
services-coverage-caption = Published services by municipality and kind: { $place }
services-coverage-municipality = Municipality
services-coverage-total = Total
services-coverage-none = none
services-import-title = Import from a file
services-export-csv = Download the directory (CSV)
services-export-json = Download the directory (HSDS JSON)
services-import-lead = Import services from a CSV file (the columns are described below) or from an HSDS JSON file. The whole file is checked first; nothing is written until you confirm a file without errors.
services-import-file = File (CSV or HSDS JSON)
services-import-file-hint = At most { $size } MB. A CSV file may be UTF-8 or Windows-1250 (as Excel saves "CSV") with fields separated by commas, semicolons or tabs. A service with an existing service_id is updated, the others are added.
services-import-check = Check the file
services-import-columns = CSV columns
services-import-columns-hint = The first line names the columns (in any order; a missing column is empty). name, country and municipality are required. Separate list items (target_groups, languages) with ;.
services-import-export-hint = The directory's export is an example of a valid file:
services-import-preview-title = Import preview
services-import-format-csv = CSV
services-import-format-hsds-json = HSDS JSON
services-import-read-comma = Read as { $encoding }, fields separated by commas.
services-import-read-semicolon = Read as { $encoding }, fields separated by semicolons.
services-import-read-tab = Read as { $encoding }, fields separated by tabs.
services-import-read-json = Read as { $encoding }.
services-import-sound = { $count ->
    [one] { $count } service has no errors, but a file is imported only whole, once every error is corrected.
   *[other] { $count } services have no errors, but a file is imported only whole, once every error is corrected.
}
services-import-none-sound = None of the services in this file can be imported.
services-import-new = { $count ->
    [one] { $count } new service
   *[other] { $count } new services
}
services-import-updated = { $count ->
    [one] { $count } existing service is updated
   *[other] { $count } existing services are updated
}
services-import-problem-count = { $count ->
    [one] The file has { $count } error.
   *[other] The file has { $count } errors.
}
services-import-nothing-written = Nothing has been written. Correct the file and send it again.
services-import-problems = Errors by line of the file
services-import-line = Line
services-import-record = Service no.
services-import-field = Field
services-import-message = What is wrong
services-import-more-problems = … and { $count } more.
services-import-again = Send a corrected file
services-import-confirm-hint = The file is valid. Importing writes all services at once (all or nothing).
services-import-confirm = Import
services-import-cancel = Cancel
services-import-records = Services in the file
services-import-action = What happens
services-import-action-update = updated
services-import-action-new = added
services-import-more-records = … and { $count } more.
services-import-done = Import finished: the file's services are on the map.
error-import-no-file = Choose a file to import.
error-import-too-large = The file is too large. Split it into smaller parts.
error-import-broken-upload = The file did not arrive whole. Please try again.
error-import-encoding = The file cannot be read as text: it holds a NUL character, or bytes that the encoding named at its start does not allow. Save it as "CSV UTF-8" or "CSV".
error-import-empty = The file holds no services.
error-import-json = The file is not valid JSON.
error-import-json-shape = Expected an array of HSDS services or an object with a "services" key, each service an object.
error-import-unknown-column = Unknown column. Check its name against the list of columns.
error-import-duplicate-column = The column appears twice.
error-import-missing-column = A required column is missing.
error-import-extra-fields = The line has more values than there are columns (check the quotes and the characters that separate fields).
error-import-id = An identifier must be a UUID, e.g. 0b7c2f4e-3d5a-4c1b-9e8f-6a7b8c9d0e1f.
error-import-flag = Write true or false.
error-import-time = Write the time as RFC 3339, e.g. 2026-11-23T09:00:00Z.
error-import-type = The value is not of the expected type (text, number or list).
error-import-one-location = A service can have one location only; list a second location as a separate service.
error-import-country = Unknown country: write RS, ME, BA, MK or XK.
error-import-municipality = Unknown municipality or town for that country (names as in the list of municipalities).
error-import-kind = Unknown kind of service. Allowed: social-work-centre, day-care, home-care, shelter, sos-line, counselling, foster-care-support, supported-housing, personal-assistance, soup-kitchen.
error-import-target-groups = Give at least one group: children, youth, families, older-people, disability, violence-victims, migrants, roma, homeless.
error-import-languages = Unknown language. Allowed: sr, cnr, bs, hr, mk, sq, rom, hu, en.
error-import-duplicate = The same identifier is already in the file (on the line in brackets).
error-import-location-taken = This location (location_id) already belongs to another service in the directory.
error-import-organization-differs = The same organization (organization_id) has different details on the line in brackets.
email-open-service = Open the service map
email-suggestion-accepted-subject = Suggestion accepted: { $name }
email-suggestion-accepted-body = The moderators accepted your suggestion for "{ $name }" and it is now on the service map. Thank you!
email-suggestion-refused-subject = Suggestion not accepted: { $name }
email-suggestion-refused-body = The moderators did not accept your suggestion for "{ $name }".
error-service-organization = Enter the organisation's name (2 to 300 characters).
error-service-name = Enter the service's name (3 to 300 characters).
error-service-kind = Choose the kind of service.
error-service-target-groups = Choose at least one group the service is for.
error-service-languages = Choose languages from the list.
error-service-phone = Write the phone number with digits, spaces and + - / ( ) only.
error-service-url = The address must start with https:// or http://.
error-service-contact = Give at least one contact: a phone, an e-mail address or a website.
error-service-municipality = Choose a municipality or city from the list.
error-service-coordinates = Enter both coordinates as numbers (latitude -90 to 90, longitude -180 to 180), or neither.
error-service-too-long = The text is too long.
service-kind-social-work-centre = Centre for social work
service-kind-day-care = Day care
service-kind-home-care = Home care
service-kind-shelter = Shelter
service-kind-sos-line = SOS line
service-kind-counselling = Counselling
service-kind-foster-care-support = Foster care support
service-kind-supported-housing = Supported housing
service-kind-personal-assistance = Personal assistance
service-kind-soup-kitchen = Soup kitchen
service-group-children = Children
service-group-youth = Young people
service-group-families = Families
service-group-older-people = Older people
service-group-disability = People with disabilities
service-group-violence-victims = Victims of violence
service-group-migrants = Migrants and refugees
service-group-roma = Roma communities
service-group-homeless = Homeless people
service-language-sr = Serbian
service-language-cnr = Montenegrin
service-language-bs = Bosnian
service-language-hr = Croatian
service-language-mk = Macedonian
service-language-sq = Albanian
service-language-rom = Romani
service-language-hu = Hungarian
service-language-en = English

## Impact
impact-title = Kolega in figures
impact-lead = The figures are counted live from the community's data. Of closed groups and supervision we show nothing but the number of posts.
impact-members = Members
impact-members-total = Members in all
impact-active = Active in the last 30 days
impact-role-practitioner = Practitioners
impact-role-student = Students
impact-role-teacher = Teachers
impact-role-moderator = Moderators
impact-role-admin = Administrators
impact-by-country = Members by country
impact-activity = What we have done together
impact-groups = Discussion groups
impact-posts = Posts in groups
impact-held-webinar = Webinars held
impact-held-supervision = Supervision meetings held
impact-held-regional_meeting = Regional meetings held
impact-attendees-webinar = Webinar attendees
impact-attendees-supervision = Supervision attendees
impact-attendees-regional_meeting = Regional meeting attendees
impact-resources = Resources in the library
impact-downloads = Resource downloads
impact-services = Services on the map
impact-services-verified = Services checked in the last 12 months
impact-by-month = By month (the last 12)
impact-series-members = New members
impact-series-posts = Posts in groups
impact-series-attendees = Event attendees
impact-series-resources = Resources published
impact-month = Month
impact-count = Count

## Notifications (#8)
nav-notifications = Notifications
nav-unread = { $count ->
    [one] new notification
   *[other] new notifications
}
email-unsubscribe = Unsubscribe from these messages
email-settings = Notification settings
email-unsubscribe-text = Don't want messages like this? Unsubscribe with one click:
email-settings-text = All notification settings:
email-group-request-subject = { $member } asks to join “{ $group }”
email-group-request-body = { $member } has asked to join the group “{ $group }”. As a moderator of the group you can approve or decline the request.
email-group-request-action = See the requests
email-digest-subject = Kolega: daily digest — { $count ->
        [one] { $count } new item
       *[other] { $count } new items
    }
email-digest-intro = Since the last digest, { $count ->
        [one] { $count } thing you follow happened
       *[other] { $count } things you follow happened
    }.
email-digest-elsewhere = Elsewhere on Kolega
email-digest-unsubscribe-text = Don't want the daily digest? Unsubscribe with one click:
notifications-title = Notifications
notifications-settings-link = Choose what reaches you by e-mail
notifications-empty = No notifications yet. Replies in threads you follow, mentions, event registrations and moderators' decisions will appear here.
notifications-no-older = No older notifications.
notifications-empty-action = Find a group to join
notifications-mark-all = Mark all as read
notifications-mark-read = Mark as read
notifications-all-read = All notifications are marked as read.
notifications-new = new
notifications-older = Older notifications
notify-settings-title = E-mail notifications
notify-settings-lead = For each kind of notification, choose whether the e-mail comes at once, in the daily digest, or never. You always see every notification on the Notifications page.
notify-settings-critical = Messages about your account (address confirmation, password reset, password changed, account approval) are always sent and cannot be turned off.
notify-settings-save = Save settings
notify-settings-saved = Your notification settings are saved.
notify-delivery-immediately = By e-mail at once
notify-delivery-digest = In the daily digest
notify-delivery-never = Never by e-mail
notify-delivery-invalid = Choose one of the options.
notify-always = always at once (cannot be turned off)
notify-digest-hour = When the daily digest arrives
notify-digest-hour-hint = Belgrade time. The digest comes only when there is something new.
notify-digest-hour-invalid = Choose an hour from 0 to 23.
notify-suppressed-title = We are not sending you messages at the moment
notify-suppressed-text = Messages to { $email } bounced or were refused by the receiving server, so we stopped sending them. Check your mailbox (or change your address in your account settings), then tell us to try again.
notify-suppressed-resume = The address works — try again
notify-resumed = We are sending you messages again.
notify-section-groups = Groups
notify-section-events = Events
notify-section-contributions = Your contributions
notify-section-support = Peer support
notify-kind-reply = Replies in threads you follow
notify-kind-mention = When someone mentions you
notify-kind-new_thread = New threads in groups you follow
notify-kind-join_request = Requests to join groups you moderate
notify-kind-post_held = Posts waiting for your approval in groups you moderate
notify-kind-join_decision = Decisions on your requests to join
notify-kind-group_invitation = Invitations to groups
notify-kind-moderation_outcome = Moderators' decisions about your posts
notify-kind-event_registration = Event registrations, waitlist and freed places
notify-kind-event_change = Event changes and cancellations
notify-kind-event_reminder = Reminders before an event
notify-kind-event_recording = Recordings and materials from events
notify-kind-proposal_decision = Decisions on topic proposals
notify-kind-resource_review = Reviews of resources you submitted
notify-kind-course_review = Reviews of courses you wrote
notify-kind-correction_review = Reviews of your service-map suggestions
notify-kind-support_request = New peer-support requests
notify-kind-support_reply = Replies in support conversations
notify-kind-retention_warning = Warning before supervision notes are deleted
unsubscribe-title = Unsubscribe
unsubscribe-done-title = You are unsubscribed
unsubscribe-confirm-text = Stop sending you e-mail for: { $kind }?
unsubscribe-button = Yes, unsubscribe me
unsubscribe-done-text = We will no longer e-mail you for: { $kind }. You still see notifications on the site when you sign in.
unsubscribe-settings = Notification settings
unsubscribe-other = Want to change something else?
unsubscribe-digest = the daily digest

## Rate limits (#9)
rate-limited-hour = Too many attempts: at most { $max } an hour are allowed. Try again within the hour — what you wrote is kept here.
rate-limited-minutes = Too many attempts: at most { $max } in { $minutes } minutes are allowed. Try again within { $minutes } minutes — what you wrote is kept here.
event-checkin-too-many = Too many tries with a wrong code. Try again in an hour or ask the organiser.
error-upload-store = We cannot store the file right now (a problem on our side, such as a full disk). Everything else you entered is kept here; please try again later.

## Home page blocks (#8)
home-figures-title = Kolega in figures
home-figure-members = { $count ->
        [one] member
       *[other] members
    }
home-figure-groups = { $count ->
        [one] discussion group
       *[other] discussion groups
    }
home-figure-posts = { $count ->
        [one] post in groups
       *[other] posts in groups
    }
home-figure-events = { $count ->
        [one] webinar or meeting held
       *[other] webinars and meetings held
    }
home-figure-resources = { $count ->
        [one] resource in the library
       *[other] resources in the library
    }
home-figure-services = { $count ->
        [one] service on the map
       *[other] services on the map
    }
home-figures-more = All figures about Kolega
home-webinars-title = Upcoming public webinars
home-webinars-empty = No public webinars are announced at the moment. See the other events and suggest a topic you care about.
home-webinars-all = All events
home-find-service-title = Find a social service
home-find-service-text = Centres for social work, day care, home care, shelters, SOS lines and counselling in Serbia and the region.
home-find-service-map = Open the service map
home-member-title = Welcome, { $name }
home-member-lead = What is new for you on Kolega: your events, groups, the library and services near you.
home-events-mine-title = My next events
home-events-mine-empty = You have not registered for any events.
home-events-mine-find = See the upcoming webinars
home-events-mine-all = All events
home-events-mine-waitlisted = On the waiting list
home-activity-title = New in my groups
home-activity-count = { $count ->
        [one] { $count } thread with new posts
       *[other] { $count } threads with new posts
    }
home-activity-latest = Latest:
home-activity-empty = There are no unread posts in your groups. Join a discussion group or start a thread.
home-activity-groups = Discussion groups
home-new-resources-title = New in the library in my topics
home-new-resources-topics = Your topics: { $topics }.
home-new-resources-change = Change topics
home-new-resources-no-topics = You have not chosen any topics to follow yet, so these are the newest resources in the whole library.
home-new-resources-choose = Choose topics
home-new-resources-empty = Nothing new has been published in your topics in the last three months.
home-new-resources-empty-all = Nothing new has been published in the library in the last three months.
home-new-resources-library = Browse the library
home-near-title = Checked services near me
home-near-intro = Within 50 km of { $place }, checked in the last 90 days, nearest first.
home-near-empty = There are no services within 50 km of { $place } that were checked in the last 90 days.
home-near-map = Search the service map
home-near-no-city = Add your city to your profile to see checked services near you here.
home-near-unknown-city = We cannot find “{ $city }” from your profile among the municipalities of the service map. Enter the name of your municipality.
home-near-settings = Profile settings
home-points-title = My points this year
home-points-total = { $points ->
        [one] { $points } licence point
       *[other] { $points } licence points
    } in { $year }.
home-points-empty = You have no licence points in { $year } yet. Accredited webinars, trainings and supervision earn points.
home-points-details = Points and certificates
home-points-find = Find accredited events
topics-title = Topics I follow
topics-lead = Choose the library topics you care about: the home page will show you new resources in them.
topics-legend = Library topics
topics-none-hint = If you choose no topic, the home page shows the newest resources of the whole library.
topics-save = Save topics
topics-saved = Your topics are saved.
topics-unknown = One of the chosen topics does not exist (it may have changed in the meantime). Check your choice and save again.
topics-back-home = Back to the home page
settings-topics-link = Library topics I follow

# The member's data archive (account_data::page): its page, section
# headings, field labels and the names of codes.
data-page-title = Your data on Kolega
data-page-intro = Everything Kolega keeps about { $name }, as it stood on { $date } (Belgrade time).
data-page-json = The file data.json next to this page holds the same data, for programs.
data-page-contents = Contents
data-none = Nothing.
data-yes = Yes
data-withheld = (not shown: you can no longer see it)
data-no = No
data-section-account = Account and profile
data-section-sessions = Signed-in devices
data-section-notifications = Notifications
data-section-settings = Delivery per kind
data-section-received = Notifications received
data-section-emails-sent-to-you = E-mails Kolega wrote to you
data-section-library-topics-followed = Library topics you follow
data-section-groups = Groups
data-section-memberships = Memberships
data-section-threads = Threads you started
data-section-posts = Your posts
data-section-followed-threads = Threads you follow or read
data-section-reports-made = Posts you reported to moderators
data-section-warnings-received = Warnings you received
data-section-anonymous-authors-revealed = Authors of anonymous threads you looked up
data-section-events = Events
data-section-registrations = Registrations and attendance
data-section-points-and-certificates = Licence points and certificates
data-section-feedback-given = Your feedback on events
data-section-event-roles = Events you organised or spoke at
data-section-proposals = Your proposals
data-section-proposal-votes = Proposals you supported
data-section-supervision-cases = Supervision cases you wrote
data-section-supervision-notes = Supervision notes you wrote
data-section-supervision-reads = Your reading of supervision cases and notes
data-section-support = Peer support
data-section-conversations = Conversations
data-section-courses = Courses
data-section-enrolments = Courses you enrolled in
data-section-lessons-done = Lessons you marked done
data-section-courses-written = Courses you wrote
data-field-course = Course
data-field-lesson = Lesson
data-field-enrolled-at = Enrolled
data-field-completed-at = Completed
data-field-done-lessons = Lessons done
data-field-done-at = Marked done
data-field-level = Level
data-value-in-review = In review
data-section-library = Library
data-section-submissions = Resources you submitted
data-section-changes-made = Changes you made to resources
data-section-service-map = Service map
data-section-suggestions = Your suggestions
data-section-imports = Files you imported
data-section-services-verified = Services you checked
data-field-email = E-mail address
data-field-name = Name
data-field-handle = Profile address
data-field-role = Role
data-field-profession = Profession
data-field-country = Country
data-field-city = City
data-field-institution = Institution
data-field-bio = Biography
data-field-expertise = Expertise
data-field-locale = Language
data-field-listed-in-directory = Listed in the directory
data-field-shown-online = Shown in the "Who's here" list
data-field-approval = Account approval
data-field-email-verified-at = Address confirmed
data-field-guidelines-accepted-at = Guidelines accepted
data-field-blocked-at = Blocked
data-field-created-at = Created
data-field-updated-at = Last changed
data-field-last-seen-at = Last seen
data-field-expires-at = Expires
data-field-remember = Remembered on the device
data-field-subject = Subject
data-field-kind = Kind
data-field-status = Status
data-field-digest-hour = Hour of the daily digest
data-field-title = Title
data-field-link = Link
data-field-read-at = Read
data-field-group = Group
data-field-visibility = Visibility
data-field-following = Following new threads
data-field-join-message = Message with the request to join
data-field-since = Since
data-field-anonymous = Anonymous
data-field-posts = Posts
data-field-pinned = Pinned
data-field-locked = Locked
data-field-thread = Thread
data-field-body = Text
data-field-edited-at = Edited
data-field-deleted-at = Deleted
data-field-hidden-at = Hidden by moderators
data-field-awaiting-approval = Waiting for approval
data-field-earlier-versions = Earlier versions
data-field-replaced-at = Replaced
data-field-mode = Following
data-field-last-read-post = Read up to post
data-field-reason = Reason
data-field-note = Note
data-field-resolved-at = Resolved
data-field-outcome = Outcome
data-field-viewed-at = Looked up
data-field-licence-since = Licence valid from
data-field-calendar-feed-since = Calendar feed made
data-field-event = Event
data-field-event-id = Event identifier
data-field-starts-at = Starts
data-field-ends-at = Ends
data-field-registered-at = Registered
data-field-cancelled-at = Cancelled
data-field-attended-at = Attended
data-field-points = Points
data-field-certificate-code = Certificate code
data-field-rating = Rating (1–5)
data-field-comment = Comment
data-field-description = Description
data-field-close-reason = Reason for closing
data-field-proposal = Proposal
data-field-age-band = Age
data-field-municipality-size = Place
data-field-situation = Situation
data-field-question = Question
data-field-what = What
data-field-peer-supporter = In the peer-support team
data-field-taken-at = Taken
data-field-other-person = The other person
data-field-messages = Messages
data-field-from = From
data-field-summary = Summary
data-field-topics = Topics
data-field-language = Language
data-field-authors = Authors
data-field-source-org = Published by
data-field-year = Year
data-field-licence = Licence
data-field-external-url = Link
data-field-file = File
data-field-return-reason = Why it was returned
data-field-published-at = Published
data-field-downloads = Downloads
data-field-resource = Resource
data-field-change = Change
data-field-changed-at = Changed
data-field-service = Service
data-field-fields = Suggested data
data-field-decided-at = Decided
data-field-format = Format
data-field-imported-at = Imported
data-field-created-count = Services added
data-field-updated-count = Services updated
data-field-last-verified-at = Checked
data-value-practitioner = Practitioner
data-value-student = Student
data-value-teacher = Teacher
data-value-moderator = Moderator
data-value-admin = Administrator
data-value-owner = Owner
data-value-member = Member
data-value-organiser = Organiser
data-value-speaker = Speaker
data-value-creator = Created the event
data-value-requester = You asked for support
data-value-supporter = You were the supporter
data-value-active = Active
data-value-requested = Requested
data-value-invited = Invited
data-value-banned = Banned
data-value-registered = Registered
data-value-waitlisted = On the waitlist
data-value-cancelled = Cancelled
data-value-open = Open
data-value-taken = Taken
data-value-closed = Closed
data-value-draft = Draft
data-value-submitted = Submitted for review
data-value-returned = Returned
data-value-published = Published
data-value-archived = Archived
data-value-pending = Pending
data-value-accepted = Accepted
data-value-refused = Refused
data-value-sent = Sent
data-value-failed = Failed
data-value-approved = Approved
data-value-declined = Declined
data-value-scheduled = Scheduled
data-value-public = Public
data-value-secret = Secret
data-value-subscribed = Following
data-value-muted = Muted
data-value-spam = Spam
data-value-personal-data = Personal data of a client
data-value-harassment = Harassment
data-value-other = Other
data-value-hidden = Hidden
data-value-kept = Kept
data-value-cases = Cases
data-value-notes = Notes
data-value-immediately = By e-mail at once
data-value-digest = In the daily digest
data-value-never = Not by e-mail
data-value-village = Village
data-value-small = Small town
data-value-medium = Medium-sized town
data-value-city = City
data-value-you = You
data-value-topic = Topic

emergency-title = Do you need help right now?
emergency-nearest = Nearest services:
emergency-nearest-shelter = shelter (safe house)
emergency-nearest-csw = centre for social work
emergency-admin-title = Emergency numbers
emergency-admin-intro = These numbers are shown to everyone on the home page and on the service map. Check them before changing anything.
emergency-country = Country
emergency-kind = Kind
emergency-number = Number
emergency-label-sr = Name (Serbian)
emergency-label-en = Name (English)
emergency-position = Order
emergency-add = Add a number
emergency-remove = Remove
emergency-admin-saved = The number was saved.
emergency-admin-removed = The number was removed.
emergency-kind-emergency = Single emergency number
emergency-kind-police = Police
emergency-kind-ambulance = Ambulance
emergency-kind-fire = Firefighters
emergency-kind-violence = Line for victims of violence
emergency-kind-children = Children's helpline
error-emergency-country = Choose a country of the map.
error-emergency-kind = Choose the kind of number.
error-emergency-number = Enter a phone number (digits, spaces, dashes; at most 20 digits).
error-emergency-label = Enter a name of 2 to 120 characters.
error-emergency-position = The order is a whole number from 0 to 999.
services-place-first = Choose a place first: results will be ordered by distance from it, and Kolega will remember it for next time.
services-count = { $count ->
    [one] { $count } service found.
   *[other] { $count } services found.
}

## Members' content in the reader's script (text::script)
script-converted-note = Members' text is shown in the script you chose.
script-original-link = Original text
script-original-note = Members' text is shown as it was written.
script-converted-link = Show in the script you chose

## Courses (src/courses)
nav-courses = Courses
courses-title = Courses
courses-lead = Self-paced courses, at your own speed and on a slow connection.
courses-search-label = Search courses
courses-search-submit = Search
courses-any = Any
courses-empty = No published course matches the search.
courses-waiting = Courses in review
courses-mine = My unpublished courses
course-new-title = New course
course-edit-title = Edit course
course-form-lead = A course is a draft until moderators publish it. Modules and lessons are added on the course page.
course-field-title = Title
course-field-summary = Summary
course-field-summary-hint = One or two sentences for the catalogue.
course-field-description = Description
course-field-language = Language
course-field-level = Level
course-field-hours = Estimated time (hours)
course-field-points = Licence points
course-field-points-hint = Points the course gives (0 if none).
course-field-topics = Topics
course-field-module-title = Module title
course-field-lesson-title = Lesson title
course-field-lesson-body = Lesson text
course-for-whom = Who it is for
course-audience-open = Open to everyone
course-audience-members = Members only
course-level-introductory = Introductory
course-level-intermediate = Intermediate
course-level-advanced = Advanced
course-status-draft = Draft
course-status-in-review = In review
course-status-published = Published
course-status-archived = Archived
course-hours = { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}
course-points = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
course-progress = Lessons and quizzes done: { $done } of { $all }
course-author = Author
course-sign-in-note = Sign in to take this course.
course-start = Start the course
course-continue = Continue
course-syllabus = Syllabus
course-syllabus-empty = The course has no modules yet.
course-new-module = New module
course-add-module = Add module
course-module-title = Module
course-rename-module = Rename module
course-add-lesson = Add lesson
course-edit-lesson = Edit
course-lesson-form-title = Lesson
course-move-up = Up
course-move-down = Down
course-save = Save
course-save-draft = Save draft
course-back = Back to the course
course-submit-lead = When the course is ready, send it to the moderators for review.
course-submit = Send for review
course-for-moderators = For moderators
course-return-reason = Reason:
course-publish = Publish
course-return = Return to the author
course-archive = Archive
course-log = History
course-mark-done = Mark as done
course-lesson-is-done = Done
course-lesson-nav = Lessons
course-previous-lesson = Previous
course-next-lesson = Next
course-draft-saved = The course draft is saved.
course-saved = Changes saved.
course-sent-for-review = The course is sent for review.
course-published = The course is published.
course-returned = The course is returned to its author.
course-archived = The course is archived.
course-enrolled = You are enrolled in the course.
course-module-added = Module added.
course-lesson-saved = Lesson saved.
course-moved = Order changed.
course-lesson-done = Lesson marked as done.
error-course-title = Enter the course title (at least 3 characters).
error-course-level = Choose a level.
error-course-audience = Choose who the course is for.
error-course-hours = Enter a number of hours between 1 and 500.
error-course-points = Enter a number of points between 0 and 100.
error-course-return-reason = Enter the reason for returning, so the author knows what to change.
error-module-title = Enter the module title.
error-lesson-title = Enter the lesson title.
error-lesson-body = Enter the lesson text.
learning-title = My learning
learning-empty = You have not started a course yet.
learning-find-course = Find a course
learning-completed = Completed
email-open-course = Open the course
email-course-published-subject = Course published: { $title }
email-course-published-body = The moderators published your course “{ $title }”. It is now in the course catalogue.
email-course-returned-subject = Course returned for changes: { $title }
email-course-returned-body = The moderators returned your course “{ $title }” to you. Change it and send it for review again.
course-quiz = Quiz
course-quiz-edit-title = Quiz
course-quiz-is-passed = Quiz passed
course-quiz-field-pass-mark = Pass mark (percent)
course-quiz-field-attempts = Number of attempts
course-quiz-field-attempts-hint = Leave empty for unlimited attempts.
course-quiz-field-cooldown = Hours before another attempt
course-quiz-field-cooldown-hint = 0: another attempt may start at once.
course-quiz-questions = Questions
course-quiz-no-questions = No questions yet. Learners see the quiz once it has a question.
course-quiz-correct = Correct
course-quiz-edit-question = Edit the question
course-quiz-delete-question = Delete the question
course-quiz-add-question = Add a question
course-question-title = Quiz question
course-question-field-kind = Kind of question
course-question-kind-single = One correct answer
course-question-kind-multiple = Several correct answers
course-question-field-prompt = Question
course-question-field-answers = Answers
course-question-answers-hint = From 2 to 8 answers; tick the correct ones. Empty rows are ignored.
course-question-answer = Answer { $number }
course-question-field-feedback = Feedback after submitting (optional)
course-question-feedback-hint = Shown with the result, whether the answer was right or not.
course-question-saved = Question saved.
course-question-deleted = Question deleted.
course-quiz-pass-mark-is = Pass mark: { $mark }%
course-quiz-attempts-of = Attempts used: { $used } of { $limit }
course-quiz-attempts-unlimited = Attempts used: { $used } (no limit)
course-quiz-choose-all = Choose every correct answer.
course-quiz-submit = Submit answers
course-quiz-result = Result
course-quiz-score = Score: { $score }%
course-quiz-passed = passed
course-quiz-failed = not passed
course-quiz-right = Right
course-quiz-wrong = Wrong
course-quiz-start = Start the quiz
course-quiz-retake = Try again
course-quiz-used-up = You have used all the attempts at this quiz.
course-quiz-cooling-down = You may try again after { $until }.
course-quiz-started = The quiz has started. Your answers count once you submit them.
course-quiz-continued = You are continuing the attempt you started.
course-quiz-not-now = Another attempt is not possible now.
course-quiz-submitted-already = This attempt was already submitted; nothing changed.
course-quiz-passed-message = Quiz passed.
course-quiz-failed-message = The quiz is not passed this time.
error-quiz-pass-mark = Enter a pass mark between 1 and 100.
error-quiz-attempts = Enter a number of attempts between 1 and 100, or leave it empty.
error-quiz-cooldown = Enter a number of hours between 0 and 8760.
error-quiz-question-kind = Choose the kind of question.
error-quiz-prompt = Enter the question.
error-quiz-answers = Enter at least two answers.
error-quiz-single-correct = Mark exactly one answer as correct.
error-quiz-multiple-correct = Mark at least one answer as correct.

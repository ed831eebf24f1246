//! The help articles in English. How to format an answer (paragraphs, steps, links,
//! contact details) is explained at the top of `markup.rs`. A slug is a permanent web
//! address: do not change it once the article is online.

use super::articles::{Article, Entry};

pub fn entry(article: Article) -> Entry {
    match article {
        Article::WhereToLogIn => Entry {
            question: "Where do I log in?",
            keywords: "log in sign in login address website page url start first time getting started quick start",
            body: "
You log in on TopoCloud's [login page](screen:login), the page this help belongs to.

1. Enter your username: that is your email address.
2. Enter your password.
3. Press **Sign in**.

You are then straight in your own TopoCloud environment. Tick **Keep me signed in** to stay signed in on this device; don't do that on a shared computer.

Using TopoCloud for the first time? Read the [quick-start guide](guide:quick-start).
",
        },
        Article::WhatYouNeed => Entry {
            question: "What do I need to log in?",
            keywords: "username password email address account invitation invited register sign up no email received employee project main account organisation organization",
            body: "
A username and a password. Your username is your email address.

- Did you register yourself? Then you chose your email address and password when you registered.
- Did your organisation create the account for you? Then you get an invitation by email, at the address your organisation entered. The link in that email lets you accept the invitation and choose your own password.

A main account gets its invitation straight away. An employee account gets its invitation only once the employee has been assigned to a project.

No email? First look in your spam folder. Then ask your organisation whether they used the right email address and, for an employee account, whether you have been assigned to a project yet. An invitation is valid for {invitation_link_lifetime}; if the link has expired, read [what to do when a link has expired](help:link-expired).
",
        },
        Article::ForgotPassword => Entry {
            question: "I forgot my password",
            keywords: "forgot forgotten lost password reset recover new password request change",
            body: "
This is how you set a new password:

1. On the login page, click [Forgot your password?](screen:forgot-password)
2. Enter the email address you log in with.
3. Press the button to send the request (**Aanvragen** in Dutch).
4. An email arrives within moments. Follow the steps in it.

The link in the email is valid for {reset_link_lifetime} and works once. Once your new password is set you are signed out everywhere; then log in with your new password. No email? Look in your spam folder and check that you entered your account's email address.

Do you know your password but want to change it? Sign in and open [your account](screen:account): under **Change password** you enter the current one and a new one. You stay signed in there; everywhere else you are signed out.

Organisations can also set up single sign-on. You then sign in with your Microsoft account and need no separate password. See [Microsoft sign-in](help:microsoft-sign-in).
",
        },
        Article::CantLogIn => Entry {
            question: "I can't log in",
            keywords: "cannot can't unable sign in log in not working wrong incorrect error problem help contact call phone email support helpdesk",
            body: "
Is it your password? [Request a new password](screen:forgot-password); how that works is explained in [I forgot my password](help:forgot-password).

Also check:

- that you use the email address your account was created with;
- that Caps Lock is off and your password manager fills in the right password (see [Caps Lock and password managers](help:caps-lock-and-password-managers));
- whether you see the message “Too many attempts” (see [I get “Too many attempts”](help:too-many-attempts));
- whether you have confirmed your email address. If not, the login page offers to send the confirmation email again.

Still stuck? Contact TopoCloud: email {support_email} or call {support_phone}.
",
        },
        Article::LinkExpired => Entry {
            question: "The link in my email has expired or was already used",
            keywords: "link expired invalid already used not working email mail invitation confirm confirmation verify activate reset link",
            body: "
Links in our emails work only once and only for a limited time. What to do depends on the email:

- **New password**: the link is valid for {reset_link_lifetime}. [Request a new one](screen:forgot-password). Older links keep working until you use one of them.
- **Confirm your email address**: the link is valid for {verify_link_lifetime}. Log in with your email address and password; the login page then offers to send a new confirmation email.
- **Invitation**: the link is valid for {invitation_link_lifetime}. Ask whoever invited you to send a new invitation.

Does the page say the link was already used? Then your account already exists, or your password has already been set. Just [log in](screen:login) with your email address; if you no longer know the password, [request a new password](screen:forgot-password).

Copying the link from the email? Take the whole link: a link that is cut short does not work.
",
        },
        Article::TooManyAttempts => Entry {
            question: "I get “Too many attempts”",
            keywords: "too many attempts blocked locked out wait later try again limit rate limit 429 countdown",
            body: "
After five failed attempts to log in with the same email address, we pause logging in for that address for a while. This protects your account from people trying to guess your password.

- The login page counts down until you can try again; that is at most a quarter of an hour.
- Don't want to wait? [Set a new password](screen:forgot-password). That lifts the pause at once.
- Requesting a lot of emails, such as new password links or confirmation emails? We send at most five an hour to the same address. Use the email you already received, or try again later.

Sure you are typing the right password? See [Caps Lock and password managers](help:caps-lock-and-password-managers).
",
        },
        Article::InvitedButSignedIn => Entry {
            question: "I was invited but I am signed in as someone else",
            keywords: "invitation invited other account someone else signed in logged in sign out log out colleague shared computer",
            body: "
An invitation is for one email address. If this browser is still signed in with another account, for example a colleague's on a shared computer, you cannot accept the invitation. The page tells you which account you are signed in with.

1. Sign that other account out with **Sign out**.
2. Open the link in your invitation again.
3. Choose your name and password and accept the invitation.

Want to keep the other account signed in? Then open the invitation in a private window or in another browser.
",
        },
        Article::MicrosoftSignIn => Entry {
            question: "Microsoft sign-in fails",
            keywords: "microsoft sso single sign-on office 365 azure entra work account cancelled no account",
            body: "
If your organisation has set up single sign-on, the login page shows the button **Sign in with Microsoft**. It signs you in with your Microsoft work account, without a separate password. TopoCloud then does not ask for a [two-step verification](help:two-step-verification) code either: Microsoft does its own check.

- **You cancelled signing in**: try again and give your consent at Microsoft.
- **It took too long or was interrupted**: start again on the [login page](screen:login), in one tab, without your browser's back button.
- **There is no TopoCloud account for this Microsoft account**: Microsoft sign-in does not create an account. The email address of your Microsoft account must be the same as your TopoCloud username. Ask your organisation for an invitation if you do not have an account yet.
- **This way of signing in is not available**: your organisation does not (or no longer) use Microsoft sign-in.

You can always log in with your email address and password too. Don't know it? [Request a new password](screen:forgot-password).
",
        },
        Article::CapsLockAndPasswordManagers => Entry {
            question: "Caps Lock and password managers",
            keywords: "caps lock capitals upper case lower case password manager autofill fill in saved show keyboard",
            body: "
Passwords are case-sensitive: ‘Summer’ is a different password from ‘summer’. If Caps Lock is on while you type your password, the login page warns you. With **Show** you can see what you typed.

Do you use a password manager (in your browser or an app)?

- Check that the saved password belongs to this address and not to an old or different website.
- Did you set a new password? Update it in your password manager as well.
- Pasting your password? Make sure no space comes along before or after it.

Still not working? Read [I can't log in](help:cant-log-in).
",
        },
        Article::TwoStepVerification => Entry {
            question: "What is two-step verification and how do I turn it on?",
            keywords: "two-step verification 2fa mfa two-factor multi-factor authentication code six digits no code received sms text message authenticator app microsoft authenticator google authenticator qr code key turn on set up enable secure trusted device required",
            body: "
With two-step verification, TopoCloud asks for a code from an app on your phone after your password. So nobody gets into your account with your password alone, not even if someone guessed it or it leaked.

You need an authenticator app that makes six-digit codes, for example Microsoft Authenticator, Google Authenticator or a password manager that can make codes. The app makes a new code every 30 seconds, even without internet. TopoCloud does not send the code by text message or email: you see it in the app.

To turn it on:

1. Log in and go to [your account](screen:account).
2. Choose **Two-step verification** and press **Turn on**.
3. Scan the QR code with your app. Can't scan? Type the key shown with it into the app instead.
4. Type the code the app now shows, to confirm.
5. You get 10 recovery codes. Copy, download or print them and keep them somewhere safe, not only on your phone. They are shown only once.

From then on you log in with your password and then the code from the app. Tick **Trust this device for 30 days** if you don't want to type a code every time on this device; don't do that on a shared computer. After a new password, a trusted device asks for the code again.

Your organisation can require two-step verification. You then turn it on right after typing your password; TopoCloud leads you through it step by step. It cannot be turned off then.

Signing in with Microsoft? Then TopoCloud does not ask for a code: Microsoft does its own check.

Lost your phone? Read [I lost my phone or my authenticator app](help:lost-my-phone). Code refused? Read [My code is not accepted](help:code-not-accepted).
",
        },
        Article::LostAuthenticator => Entry {
            question: "I lost my phone or my authenticator app",
            keywords: "lost phone missing stolen broken new phone replaced other device app deleted recovery code recovery codes backup codes renew support",
            body: "
Don't worry: a recovery code still gets you in. You got 10 of them when you turned on two-step verification.

1. Log in with your email address and password.
2. Where you are asked for the code, click **Use a recovery code**.
3. Type one of your recovery codes. Capitals, spaces and the dash don't matter.

Each recovery code works once. Cross out or delete the one you used.

Once you are in, go straight to [your account](screen:account), under **Two-step verification**:

- **New phone?** Turn two-step verification off and on again, and scan the new QR code with the app on your new phone. The app on your old phone then no longer works for TopoCloud.
- **Only a few recovery codes left?** Get new recovery codes. The old ones then stop working.

TopoCloud first asks for your password again for this. If your organisation requires two-step verification, you cannot turn it off yourself; contact TopoCloud to move it to your new phone.

No recovery codes left, or can't find them? Then you cannot get in by yourself. Contact TopoCloud: email {support_email} or call {support_phone}. Requesting a new password does not help here: TopoCloud asks for the code after that too.
",
        },
        Article::Passkeys => Entry {
            question: "Signing in with a passkey",
            keywords: "passkey passkeys sign in log in without password fingerprint face face id touch id pin windows hello phone key webauthn fido fake site phishing not working unknown removed remove lost",
            body: "
With a passkey you sign in without a password and without a code: your phone or computer asks for your fingerprint, your face or the device's PIN. That counts as both steps of two-step verification. A passkey only works on the real TopoCloud site, so a fake site can do nothing with it.

To make a passkey:

1. Log in and go to [your account](screen:account).
2. Under **Passkeys**, choose a name, for example “Phone” or “Office laptop”, and press **Add a passkey**.
3. Follow what your device asks. You get a confirmation by email.

After you log in with your password we also offer this once: press **Make a passkey**, or **Not now**.

To sign in: on the login page press **Sign in with a passkey**, or click in the **Email address** field and pick your passkey from the list your browser shows. You don't have to type your email address.

Not working?

- **No button to be seen?** Your browser cannot work with passkeys yet. Update it, or log in with your email address and password.
- **“TopoCloud does not know this passkey (any more)”?** It was removed from your account. Log in with your email address and password and make a new one. Remove the old one from your device or password manager too.
- **Your browser shows no passkey?** Use the device you made it on, or choose another device in your browser's prompt (your phone, for example, through the QR code).
- **Closed the dialog?** Nothing happened; press the button again.

Lost or sold a device? Log in on another device and remove that passkey under **Passkeys** on [your account](screen:account). It stops working at once. Still stuck? Contact TopoCloud: email {support_email} or call {support_phone}.
",
        },
        Article::CodeNotAccepted => Entry {
            question: "My code is not accepted",
            keywords: "code wrong incorrect invalid refused rejected not working six digits authenticator time clock date wrong account already used",
            body: "
The codes in your app depend on the time. It is usually one of these:

- **Your phone's clock is off.** Set the date and time to automatic in your phone's settings: on an iPhone under Settings → General → Date & Time → Set Automatically; on Android, search the settings for “date and time”. If the clock runs fast or slow, the code does not match.
- **The code changed while you were typing.** A new code comes every 30 seconds. Wait for the next one and type it straight away.
- **You already used this code.** Each code works once. Did you just log in or confirm something with it? Then wait for the next code.
- **You are looking at the wrong account in the app.** If your app holds several accounts, pick the TopoCloud one with your email address.

Do you see “Too many attempts”? Then we pause for a while, so nobody can guess your code. Wait until the countdown ends; see [I get “Too many attempts”](help:too-many-attempts).

Does the app not work at all, or is your phone not at hand? Use a recovery code: read [I lost my phone or my authenticator app](help:lost-my-phone).
",
        },
    }
}

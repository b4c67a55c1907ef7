import type { Messages } from './zh-CN.js';

/** Two-step sign-in and two-factor enrolment (English). */
export const signInEn: Pick<Messages, 'twoFactor'> = {
  twoFactor: {
    codeTitle: 'Two-step verification',
    codeHint:
      'Enter the 6-digit code from your authenticator app. If you do not have your phone, enter one of your recovery codes.',
    code: 'Code or recovery code',
    codeRequired: 'Please enter the code',
    verify: 'Verify and sign in',
    back: 'Back to sign-in',
    wrongCode: 'The code is wrong or has already been used. Enter the code the app shows now.',
    expired: 'This sign-in has expired. Enter your user name and password again.',
    lockedCode: 'Authenticator code (accounts with two-step verification can sign in now)',
    enrolTitle: 'Set up two-step verification',
    enrolIntro:
      'Your account must use two-step verification before you can continue. Scan the QR code with an authenticator app (such as Microsoft Authenticator, Google Authenticator or FreeOTP), or type in the secret key below, then enter the 6-digit code the app shows.',
    qrAlt: 'QR code for the authenticator app',
    secret: 'Secret key (type it in if you cannot scan)',
    confirmCode: 'The 6-digit code shown in the app',
    confirm: 'Confirm',
    recoveryTitle: 'Save your recovery codes',
    recoveryIntro:
      'Two-step verification is on. If you lose your phone, sign in with one of these recovery codes; each works once. They are shown only this once: write them down or keep them somewhere safe.',
    copy: 'Copy all recovery codes',
    copied: 'Copied',
    continue: "I've saved them — continue",
  },
};

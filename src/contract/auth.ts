import { z } from '@hono/zod-openapi';
import { Role } from './common.js';
import { SIGN_IN_STEPS } from '../core/auth/sign-in.js';

export const LoginInput = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
    /** A second-factor code sent with the password: how a locked account's owner gets in. */
    code: z.string().min(1).max(64).optional(),
  })
  .openapi('LoginInput');
export type LoginInput = z.infer<typeof LoginInput>;

export const RegionRef = z.object({ code: z.string(), name: z.string(), level: z.number().int() }).openapi('RegionRef');
export type RegionRef = z.infer<typeof RegionRef>;

/** The signed-in user as the UI needs it: who, which unit, which jurisdiction. */
export const Me = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    unit: z.object({ id: z.number().int(), name: z.string(), typeCode: z.string(), regionCode: z.string() }),
    jurisdiction: RegionRef.extend({ path: z.string(), breadcrumb: z.array(RegionRef) }),
  })
  .openapi('Me');
export type Me = z.infer<typeof Me>;

/** The password was right; the sign-in continues with a code (`code`) or with enrolment (`enrol`). */
export const SignInPending = z
  .object({
    next: z.enum(SIGN_IN_STEPS),
    pendingToken: z.string(),
    expiresAt: z.string().datetime(),
  })
  .openapi('SignInPending');
export type SignInPending = z.infer<typeof SignInPending>;

export const PendingSignIn = z.object({ pendingToken: z.string().min(20).max(128) }).openapi('PendingSignIn');
export type PendingSignIn = z.infer<typeof PendingSignIn>;

/** Six digits from the authenticator app, or a recovery code (`abcd-efgh-ijkl-mnop`). */
export const SignInCodeInput = PendingSignIn.extend({ code: z.string().min(1).max(64) }).openapi('SignInCodeInput');
export type SignInCodeInput = z.infer<typeof SignInCodeInput>;

/** What the enrolment page shows: the QR code (a data URL of the otpauth:// URI) and the secret as text. */
export const TwoFactorEnrolment = z
  .object({
    username: z.string(),
    secret: z.string(),
    otpauthUri: z.string(),
    qrDataUrl: z.string(),
    expiresAt: z.string().datetime(),
  })
  .openapi('TwoFactorEnrolment');
export type TwoFactorEnrolment = z.infer<typeof TwoFactorEnrolment>;

/** Enrolment confirmed: the session is open; the recovery codes are shown this once. */
export const TwoFactorEnrolled = z.object({ me: Me, recoveryCodes: z.array(z.string()) }).openapi('TwoFactorEnrolled');
export type TwoFactorEnrolled = z.infer<typeof TwoFactorEnrolled>;

export const RegenerateRecoveryCodesInput = z
  .object({ password: z.string().min(1).max(256) })
  .openapi('RegenerateRecoveryCodesInput');
export type RegenerateRecoveryCodesInput = z.infer<typeof RegenerateRecoveryCodesInput>;

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).openapi('RecoveryCodes');
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

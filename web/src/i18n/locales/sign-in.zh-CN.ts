/** Two-step sign-in and two-factor enrolment (简体中文). */
export const signInZh = {
  twoFactor: {
    codeTitle: '双因素验证',
    codeHint: '请输入身份验证器应用中显示的 6 位验证码；手机不在身边时，可输入一个恢复码。',
    code: '验证码或恢复码',
    codeRequired: '请输入验证码',
    verify: '验证并登录',
    back: '返回重新登录',
    wrongCode: '验证码不正确或已使用过，请输入应用中新显示的验证码。',
    expired: '本次登录已超时，请重新输入用户名和密码。',
    lockedCode: '身份验证器验证码（已开通双因素验证的账号可立即登录）',
    enrolTitle: '开通双因素验证',
    enrolIntro:
      '您的账号必须使用双因素验证后才能进入系统。请用身份验证器应用（如 Microsoft Authenticator、Google 身份验证器、FreeOTP）扫描二维码，或手动输入下方密钥，然后输入应用显示的 6 位验证码。',
    qrAlt: '用于身份验证器应用的二维码',
    secret: '密钥（无法扫码时手动输入）',
    confirmCode: '应用中显示的 6 位验证码',
    confirm: '确认开通',
    recoveryTitle: '保存恢复码',
    recoveryIntro:
      '双因素验证已开通。手机丢失或无法使用时，可用下列恢复码登录，每个只能使用一次。恢复码只显示这一次，请抄写或保存到安全的地方。',
    copy: '复制全部恢复码',
    copied: '已复制',
    continue: '我已保存，进入系统',
  },
};

import nodemailer, { type Transporter } from 'nodemailer';

let transport: Transporter | undefined;
let transportUrl: string | undefined;

/** The one pooled SMTP transport of the process. */
export function mailTransport(smtpUrl: string): Transporter {
  if (!transport || transportUrl !== smtpUrl) {
    transport?.close();
    transport = nodemailer.createTransport(`${smtpUrl}${smtpUrl.includes('?') ? '&' : '?'}pool=true`);
    transportUrl = smtpUrl;
  }
  return transport;
}

/** Closes the pooled transport. */
export function closeMailTransport(): void {
  transport?.close();
  transport = undefined;
  transportUrl = undefined;
}

/** True when the SMTP server answers and accepts our greeting. */
export async function smtpIsReady(smtpUrl: string): Promise<boolean> {
  const probe = nodemailer.createTransport(smtpUrl);
  try {
    await probe.verify();
    return true;
  } catch {
    return false;
  } finally {
    probe.close();
  }
}

// E-mail through nodemailer: SMTP when SMTP_URL is set, otherwise each message is written as an .eml file into
// $DATA_DIR/mail (a real RFC 5322 message, readable by any mail client), so the embedded default needs no server.
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "#app/env.server.ts";

export type Mail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

let transport: Transporter | undefined;

function getTransport() {
  const env = getEnv();
  transport ??= env.SMTP_URL
    ? nodemailer.createTransport(env.SMTP_URL)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return transport;
}

export function mailFolder() {
  return path.join(getEnv().dataDir, "mail");
}

export async function sendMail(mail: Mail): Promise<{ messageId: string; file?: string }> {
  const env = getEnv();
  const info = await getTransport().sendMail({ from: env.MAIL_FROM, ...mail });
  if (env.SMTP_URL) return { messageId: info.messageId };
  const folder = mailFolder();
  await fs.mkdir(folder, { recursive: true });
  const safeId = info.messageId.replace(/[^a-zA-Z0-9.@-]/g, "");
  const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, "-")}-${safeId}.eml`);
  await fs.writeFile(file, info.message as Buffer);
  return { messageId: info.messageId, file };
}

/** Reads the local mail folder (tests and the demo). */
export async function readLocalMail(): Promise<{ file: string; raw: string }[]> {
  try {
    const folder = mailFolder();
    const files = (await fs.readdir(folder)).filter((name) => name.endsWith(".eml")).sort();
    return Promise.all(files.map(async (name) => ({ file: name, raw: await fs.readFile(path.join(folder, name), "utf8") })));
  } catch {
    return [];
  }
}

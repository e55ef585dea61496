/** voice-api in its own process for the /respond benches, composed as main.ts composes it (see voice-api-server.ts). */
import { serveUntilStopped } from './server-process';
import { urlOf } from './servers';
import { startVoiceApi } from './voice-api-server';

const [prefix, redisUrl] = process.argv.slice(2);
if (!prefix || !redisUrl) throw new Error('usage: voice-api-process.ts <key prefix> <redis url>');
void startVoiceApi(prefix, redisUrl).then((voice) => serveUntilStopped({ url: urlOf(voice.server), headers: voice.headers }, voice.close));

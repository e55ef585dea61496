/**
 * Shadow DOM styles. Pixel units only (a host page's `html { font-size }` must not scale the widget);
 * logical properties inside the panel so `dir="rtl"` mirrors it; host pages may set
 * `--vocalia-primary`, `--vocalia-font` and `--vocalia-z-index`.
 */
export const DEFAULT_FONT = 'system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Tahoma,Arial,sans-serif';

export const WIDGET_CSS = `
:host{all:initial}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.root{position:fixed;bottom:20px;z-index:var(--vocalia-z-index,2147483000);font-family:var(--vocalia-font,var(--vc-font));font-size:15px;line-height:1.45;color:#1f2937;-webkit-font-smoothing:antialiased}
.root[data-position=bottom-right]{right:20px}
.root[data-position=bottom-left]{left:20px}
.launcher{width:60px;height:60px;border-radius:50%;border:0;cursor:pointer;background:var(--vc-primary);color:var(--vc-on-primary);display:grid;place-items:center;box-shadow:0 6px 20px rgba(0,0,0,.22);transition:transform .15s ease}
.launcher:hover{transform:scale(1.05)}
.launcher .icon{width:28px;height:28px}
.icon{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
[dir=rtl] .flip{transform:scaleX(-1)}
.panel{position:absolute;bottom:76px;width:min(380px,calc(100vw - 40px));height:min(600px,calc(100vh - 120px));display:flex;flex-direction:column;background:#fff;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.25);overflow:hidden;animation:vc-in .18s ease-out}
.root[data-position=bottom-right] .panel,.root[data-position=bottom-right] .proof{right:0}
.root[data-position=bottom-left] .panel,.root[data-position=bottom-left] .proof{left:0}
.header{display:flex;align-items:center;gap:8px;padding-block:14px;padding-inline:16px 10px;background:var(--vc-primary);color:var(--vc-on-primary)}
.titles{flex:1;min-width:0}
.title{margin:0;font-size:16px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.subtitle{margin:0;font-size:12px}
.lang{font:inherit;font-size:13px;border-radius:8px;border:1px solid currentColor;background:transparent;color:inherit;padding:4px 6px;max-width:110px}
.lang option{color:#111827;background:#fff}
.icon-btn{display:grid;place-items:center;flex:none;width:38px;height:38px;border:0;border-radius:10px;background:transparent;color:inherit;cursor:pointer}
.icon-btn:hover{background:rgba(128,128,128,.18)}
.log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:10px;background:#f6f7f9;overscroll-behavior:contain}
.msg{max-width:85%;padding:9px 13px;border-radius:16px;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.assistant{align-self:flex-start;background:#fff;border:1px solid #e5e7eb;border-end-start-radius:4px}
.msg.user{align-self:flex-end;background:var(--vc-primary);color:var(--vc-on-primary);border-end-end-radius:4px}
.msg[aria-busy=true]::after{content:"\\258D";animation:vc-blink 1s steps(1) infinite}
.msg .text{display:block}
.msg.wide{max-width:100%}
.booking{margin-block-start:8px;white-space:normal}
.msg.error{align-self:stretch;max-width:none;background:#fef2f2;border:1px solid #fecaca;color:#7f1d1d;white-space:normal}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.typing{align-self:flex-start;display:flex;gap:4px;padding:13px 14px;background:#fff;border:1px solid #e5e7eb;border-radius:16px}
.typing i{width:7px;height:7px;border-radius:50%;background:#6b7280;animation:vc-dot 1s infinite ease-in-out}
.typing i:nth-of-type(2){animation-delay:.15s}
.typing i:nth-of-type(3){animation-delay:.3s}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-block-start:8px;white-space:normal}
.btn{font:inherit;font-size:14px;padding:7px 13px;border-radius:999px;border:1px solid var(--vc-accent);background:#fff;color:var(--vc-accent);cursor:pointer;text-decoration:none;display:inline-flex;align-items:center;gap:4px}
.btn:hover{background:#f3f4f6}
.btn.primary{background:var(--vc-primary);border-color:var(--vc-primary);color:var(--vc-on-primary)}
.cards{display:flex;gap:10px;overflow-x:auto;padding-block:4px;margin-block-start:8px;scroll-snap-type:x mandatory;white-space:normal}
.card{flex:0 0 150px;scroll-snap-align:start;background:#fff;border:1px solid #e5e7eb;border-radius:12px;overflow:hidden;display:flex;flex-direction:column;color:#1f2937}
.card img{display:block;width:100%;height:96px;object-fit:cover;background:#f3f4f6}
.card-body{padding:8px 10px;display:flex;flex-direction:column;gap:3px;flex:1}
.card-name{font-weight:600;font-size:14px}
.card-price{font-size:14px}
.stock{font-size:12px;color:#166534}
.stock.out{color:#991b1b}
.card .btn{align-self:flex-start;margin-block-start:auto;padding:4px 10px;font-size:13px}
.details{margin:6px 0 0;padding:0;list-style:none;font-size:14px}
.composer{display:flex;align-items:center;gap:6px;padding:10px 12px;border-block-start:1px solid #e5e7eb;background:#fff}
.input{flex:1;min-width:0;font:inherit;font-size:16px;padding:9px 12px;border:1px solid #9ca3af;border-radius:12px;background:#fff;color:#111827}
.input::placeholder{color:#6b7280}
.send{background:var(--vc-primary);color:var(--vc-on-primary)}
.send:hover{background:var(--vc-primary);filter:brightness(1.08)}
.send[aria-disabled=true]{opacity:.55;cursor:default}
.mic{color:#374151}
.mic[aria-pressed=true]{background:#fee2e2;color:#b91c1c}
.notice{margin:0;padding:6px 14px 0;font-size:12.5px;color:#4b5563;background:#fff}
.powered{margin:0;padding:4px 0 8px;text-align:center;font-size:11px;color:#6b7280;background:#fff}
.proof{position:absolute;bottom:72px;width:max-content;max-width:260px;padding:10px 12px;background:#fff;color:#1f2937;border-radius:12px;box-shadow:0 6px 20px rgba(0,0,0,.18);font-size:13px;animation:vc-in .25s ease-out}
:focus-visible{outline:3px solid var(--vc-accent);outline-offset:2px}
.header :focus-visible{outline-color:var(--vc-on-primary);outline-offset:-3px}
.log:focus-visible{outline-offset:-3px}
.launcher:focus-visible{outline:3px solid #111827;outline-offset:3px;box-shadow:0 0 0 3px #fff,0 6px 20px rgba(0,0,0,.22)}
@keyframes vc-in{from{opacity:0;transform:translateY(12px)}}
@keyframes vc-dot{0%,80%,100%{opacity:.3;transform:translateY(0)}40%{opacity:1;transform:translateY(-3px)}}
@keyframes vc-blink{50%{opacity:0}}
@media (max-width:480px){.panel{position:fixed;inset:0;width:auto;height:auto;border-radius:0}.root.open .launcher{display:none}}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important}.launcher:hover{transform:none}}
`;

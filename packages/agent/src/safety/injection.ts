import { foldText } from '../text/fold';

/** Patterns on folded text (lowercase, no accents, Arabic normalised) of known prompt-injection moves. */
const PATTERNS: readonly RegExp[] = [
  // "ignore/forget the previous instructions", in five languages
  /(?<![\p{L}])(ignore|ignorez|ignorer|disregard|forget|override|bypass|oublie|oubliez|ne tiens pas compte|ignora|olvida|olvide|omite|nsa)(?![\p{L}]).{0,60}(instruction|prompt|rule|directive|guideline|consigne|regle|instruccion|regla|indicacion|التعليمات|تعليمات)/u,
  /(تجاهل|انس|انسى|نسى|تخطى|ما تديش على).{0,60}(التعليمات|تعليمات|الاوامر|القواعد|instructions|prompt)/u,
  // asking for the hidden text
  /(system prompt|system message|prompt system|prompt du systeme|systeme prompt|initial prompt|hidden instruction|instructions cachees|instrucciones ocultas|developer message|موجه النظام|البرومبت|برومبت|التعليمات ديالك|تعليماتك)/u,
  /(reveal|print|show|display|repeat|output|dump|leak|tell me|give me|write out|translate|affiche|montre|revele|repete|donne moi|traduis|muestra|revela|repite|dime|traduce|اعرض|اظهر|اكشف|اطبع|كرر|وريني|عطيني|ترجم).{0,40}(your|tes|vos|ton|votre|tus|tu|sus|su|الخاصه بك|ديالك|the system|du systeme|del sistema).{0,20}(instructions|prompt|consignes|instrucciones|rules|regles|reglas|التعليمات|الاوامر)/u,
  /(what (are|were) (your|you) (instructions|told)|quelles sont tes instructions|quelles sont vos instructions|cuales son tus instrucciones|ما هي تعليماتك|شنو هي التعليمات)/u,
  /(repeat|print|show|write|output|say|copy|repete|affiche|repite|muestra).{0,30}(text|everything|words|all|what is|what s) (above|before this)|ce qui precede|texte ci dessus|lo anterior|texto anterior|النص السابق|كل ما سبق/u,
  // role hijack and jailbreak vocabulary
  /(you are now|from now on,? you|tu es maintenant|a partir de maintenant,? tu|ahora eres|a partir de ahora eres|انت الان|من الان انت|دابا نتا)/u,
  /(developer mode|mode developpeur|modo desarrollador|jailbreak|do anything now|you are dan|as dan|dan mode|god mode|sudo mode|(unrestricted|unfiltered) (mode|ai|assistant|model))/u,
  // chat-template and markdown delimiters smuggled into a message
  /(<\|?(im_start|im_end|system|endoftext)\|?>|\[\/?inst\]|\[system\]|###\s*(system|instruction)|begin system|end of prompt|<\/s>)/u,
  // secrets and other tenants' data
  /(api key|apikey|cle api|cle d api|clave api|secret key|access token|credentials|admin password|mot de passe admin|environment variables|env variables|process env|variables d environnement)/u,
  /(other tenants?|autres tenants?|otros inquilinos|(data|donnees|datos|informations) (of|from|des|de) (other|autres|otros|otras) (clients|customers|companies|entreprises|clientes|empresas|businesses)|بيانات العملاء الاخرين|بيانات الشركات الاخرى)/u,
];

/** True when the message tries to read the instructions, change the agent's role, or reach secrets or other tenants. */
export function isPromptInjection(message: string): boolean {
  const folded = foldText(message).replace(/['’-]/g, ' ').replace(/\s+/g, ' ');
  return PATTERNS.some((re) => re.test(folded));
}

import { wordSet as words } from './fold';

/** Function words that carry no topic, per language (Arabic-script lists serve both ar and ary). */
export const STOPWORDS = {
  fr: words(`le la les l un une des du de d et ou où mais donc or ni car je j tu il elle on nous vous ils elles me m te t se s
    moi toi lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre vos ce c cet cette ces ça cela qui que qu quoi
    dont à au aux en dans par pour sur sous avec sans chez vers est sont suis es êtes sommes être ai as a avons avez ont avoir
    fait faire peut peux pouvez pourrais pourriez voudrais voulez veux vouloir aimerais merci svp plait stp bonjour y ne pas plus
    très bien aussi alors quel quelle quels quelles comment combien quand est-ce si oui non c'est il y a-t-il
    faites faire fait font faut proposez offrez acceptez prenez beaucoup svp possible vais vas va allons allez vont super parfait génial top ok okay bonsoir salut coucou`),
  en: words(`the a an and or but if of to in on at by for with from about as into than then so is are was were be been being
    am i me my mine you your yours we our us they them their he him his she her it its this that these those what which who
    whom whose do does did doing have has had can could would should will shall may might must please thanks thank hello hi
    there here how much many when where why any some not no yes just also very tell know want like need get offer provide
    take accept treat available lot great perfect awesome cool ok okay`),
  es: words(`el la los las lo un una unos unas de del al y o u pero si sino que qué quien cual cuál como cómo cuando cuándo
    cuanto cuánto donde dónde en por para con sin sobre entre hasta desde a ante es son soy eres somos estoy está están estar
    ser hay tiene tienen tengo tienes haber he ha han yo tú usted ustedes nosotros vosotros él ella ellos ellas me te se nos
    le les mi mis tu tus su sus nuestro nuestra este esta estos estas ese esa eso muy más también ya no sí hola gracias favor
    quiero quisiera puedo puede podría gustaría hacen hace ofrecen aceptan voy vas va vamos van
    tienen vale perfecto genial buenas`),
  arabic: words(`في من الى إلى على عن مع هل ما ماذا هذا هذه ذلك تلك هو هي هم انا أنا انت أنت نحن انتم التي الذي الذين كان
    كانت يكون قد لقد ثم او أو و ف ب ل ك لا لم لن ان أن إن كل بعض عند لدي لديكم لكم لي له لها يا ايضا أيضا اي أي
    واش شي ديال ديالي ديالك ديالكم ديالنا هاد هادي هادا راه را غير باش بش ف فال حتى ولا ليا ليك ليه اللي لي شنو اش نتا نتي
    عافاك عفاك من فضلك شكرا مرحبا سلام اهلا`),
  arabizi: words(`ana nta nti howa hiya hna ntoma wach wash chi dyal dial had hadi hadchi rah ra ghir bach bash f fl l w m3a
    3la li lli chno achno afak 3afak 3fak wla ou o men mn salam slm ahlan`),
} as const;

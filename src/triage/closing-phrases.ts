// The words a guest closes a conversation with, in the six languages of the inbox. Reviewed data:
// every phrase here lets a message that is made only of such phrases be called a closing, so a word
// goes in only if no guest would use it to ask for something. Written as guests type them; the
// classifier folds case and accents (and splits at apostrophes) the same way on both sides.
//
// A phrase may hold alternatives: "(a|b)" is one of them, "[a|b]" is one of them or nothing.
// Kinds: thanks, goodbye and ok each make a message a closing; "after_thanks" only counts right after
// a thanks ("so much", "for the quick reply"); "filler" never makes a closing alone ("hi", "bom dia",
// "sent from my iPhone").

export type PhraseKind = "thanks" | "goodbye" | "ok" | "after_thanks" | "filler";

export type PhraseTable = Readonly<Record<PhraseKind, readonly string[]>>;

export const CLOSING_PHRASES: Readonly<Record<"en" | "es" | "de" | "fr" | "it" | "pt", PhraseTable>> = {
  en: {
    thanks: [
      "(thanks|thank you|thank u|thankyou|thx|thnx|thanx|tks|ty|tysm|tyvm|cheers|ta)",
      "many thanks",
      "(much|greatly|really) appreciated",
      "[i|we] (really|truly) appreciate it",
      "[i|we] appreciate it",
      "much obliged",
      "(you're|you are|you guys are|you're all) [the|absolute|total|such] (best|stars|star|legends|legend|lifesavers|lifesaver|amazing|awesome|great)",
      "you rock",
      "legend",
      "legends",
      "(we|i) had a (great|lovely|wonderful|amazing|fantastic|brilliant) (stay|time)",
    ],
    after_thanks: [
      "(so|very) much",
      "so so much",
      "a (lot|million|bunch|ton)",
      "heaps",
      "loads",
      "(again|anyway|anyways|as always|both|mate|guys|all|everyone|team|folks)",
      "for everything",
      "for (the|your|all the|all your|such a) [quick|fast|prompt|speedy|swift|kind|great|helpful] (reply|response|answer|help|info|information|tips|tip|update|message|heads up|patience)",
      "for (sorting|figuring) (that|it|this) out",
      "for letting (me|us) know",
      "for getting back to (me|us)",
      "for (the|your) help with (that|this|it)",
    ],
    ok: [
      "(ok|okay|okey|okie|k|kk|alright|all right)",
      "(got it|noted|understood|sounds good|sounds great|sounds perfect|fair enough|no worries|no problem|all good|will do)",
      "(perfect|great|awesome|amazing|brilliant|cool|nice|lovely|excellent|fantastic|wonderful|super|fine|sure|good|great stuff|superb)",
      "(that's|that is|thats) (great|perfect|fine|lovely|so lovely|amazing|awesome|brilliant|wonderful|so kind|very kind|kind)",
      "perfect that works",
      "that works",
      "(great|good|perfect) news",
      "(that's|that is|thats) [such] (great|good|wonderful|brilliant) news",
    ],
    goodbye: [
      "(bye|bye bye|goodbye|see you|see ya|cya|see you soon|see you then|see you later|take care|talk soon|until then)",
      "have a (nice|good|great|lovely|wonderful) (day|evening|night|weekend|one)",
      "(best|best regards|kind regards|regards|warm regards|warmest regards|all the best|best wishes|many greetings|greetings)",
    ],
    filler: [
      "(hi|hello|hey|dear|oh|ah|aw|aww|wow|yay|lol|x|xx|xxx|xoxo)",
      "sent from my (iphone|ipad|phone|android|samsung|mobile)",
      "get outlook for (ios|android)",
    ],
  },
  es: {
    thanks: [
      "(gracias|muchas gracias|muchisimas gracias|mil gracias|gracias mil|grax|thx)",
      "(te|se|os) lo agradezco",
      "(agradecido|agradecida|muy agradecido|muy agradecida)",
      "(sois|eres|es) [los|la|el] (mejores|mejor|un sol|unos soles|geniales|lo maximo)",
    ],
    after_thanks: [
      "(de nuevo|otra vez|igualmente|a todos|chicos|equipo|de todas formas|de todos modos|de verdad|de corazon)",
      "por todo",
      "por (la|tu|su|vuestra) [rapida|pronta|amable] (respuesta|ayuda|informacion|info|rapidez|atencion|paciencia) [rapida]",
      "por (avisar|avisarme|responder|contestar)",
    ],
    ok: [
      "(ok|okay|vale|perfecto|genial|estupendo|de acuerdo|entendido|listo|bien|muy bien|buenisimo|fenomenal|claro|guay|super|excelente|maravilloso|chevere|sin problema|todo claro|todo bien|que bien|que alivio|entendido perfectamente)",
      "(perfecto|genial) entonces",
    ],
    goodbye: [
      "(hasta pronto|hasta luego|nos vemos|nos vemos pronto|adios|chao|chau|hasta la proxima)",
      "(un saludo|saludos|saludos cordiales|un abrazo|abrazos|un beso|besos|atentamente|cordialmente)",
      "que (tengas|tengais|tengan|tenga) (un buen dia|buen dia|un feliz dia|un buen fin de semana|buen fin de semana)",
      "(feliz dia|buen fin de semana)",
    ],
    filler: [
      "(hola|buenas|buenos dias|buenas tardes|buenas noches|ah|oh|ay|jeje|jaja)",
      "enviado desde mi (iphone|ipad|movil|android|samsung)",
    ],
  },
  de: {
    thanks: [
      "(danke|dankeschon|danke schon|danke sehr|vielen dank|vielen lieben dank|herzlichen dank|tausend dank|besten dank|lieben dank|recht herzlichen dank|merci|dank)",
      "(ihr seid|du bist|sie sind) (die besten|der beste|die beste|super|klasse|spitze|toll)",
    ],
    after_thanks: [
      "(nochmal|nochmals|noch mal|auch|trotzdem|euch|dir|ihnen|vielmals|schon mal|an alle|ans team)",
      "fur alles",
      "fur (die|eure|ihre|deine) [schnelle|rasche|nette|freundliche|tolle] (antwort|hilfe|info|infos|information|informationen|ruckmeldung|muhe|geduld)",
      "fur (die|eure|ihre|deine) [schnelle|rasche] hilfe",
    ],
    ok: [
      "(ok|okay|alles klar|super|perfekt|prima|toll|klasse|top|passt|gut|sehr gut|wunderbar|genial|cool|verstanden|geht klar|in ordnung|alles gut|kein problem|sehr schon|spitze|klingt gut|wunderbar)",
      "(hat|es hat) [alles] [gut|super] geklappt",
      "alles [gut|super] geklappt",
      "(das ist|das klingt) (super|gut|perfekt|toll|prima|wunderbar)",
      "(gut|super|toll) zu wissen",
    ],
    goodbye: [
      "(bis dann|bis bald|bis spater|tschuss|tschau|auf wiedersehen|bis zum nachsten mal)",
      "(liebe grusse|viele grusse|beste grusse|herzliche grusse|freundliche grusse|mit freundlichen grussen|mit besten grussen|gruss|grusse|lg|vg|mfg|sonnige grusse)",
      "(schonen tag|einen schonen tag|schonen tag noch|schones wochenende|schonen abend|einen schonen abend)",
      "und (liebe grusse|viele grusse|beste grusse|herzliche grusse)",
    ],
    filler: [
      "(hallo|hi|hey|ah|oh|liebe|lieber|guten morgen|guten tag|guten abend|moin|servus|hihi|haha)",
      "von meinem (iphone|ipad|handy|smartphone|android) gesendet",
      "gesendet von meinem (iphone|ipad|handy|smartphone|android)",
    ],
  },
  fr: {
    thanks: [
      "(merci|merci beaucoup|merci bien|merci mille fois|mille mercis|mille merci|merci infiniment|un grand merci|grand merci|mci|mrc)",
      "(je|nous) (vous|te) remerci(e|ons)",
      "(je|nous) (vous|te) (remercie|remercions)",
      "(vous etes|tu es) (les meilleurs|le meilleur|la meilleure|top|geniaux|genial|adorables|super)",
    ],
    after_thanks: [
      "(encore|a vous|a toi|quand meme|beaucoup|bien|a tous|a toute l'equipe|d'avance)",
      "(pour|de) tout",
      "pour (la|votre|ta|cette|vos) [rapide|prompte|gentille] (reponse|aide|rapidite|info|infos|information|informations|gentillesse|patience|retour|reactivite) [rapide]",
      "pour (l'info|l'information|l'aide|le retour|votre retour)",
    ],
    ok: [
      "(ok|okay|d'accord|dac|parfait|super|genial|top|tres bien|bien|entendu|c'est note|note|bien note|c'est parfait|c'est super|c'est genial|nickel|impeccable|excellent|cool|pas de souci|pas de soucis|pas de probleme|ca marche|formidable|ca roule|c'est gentil|trop bien|tres bien|parfait merci|c'est top|genial)",
      "(c'est|ca me va|ca nous va) [tres bien|parfait]",
    ],
    goodbye: [
      "(a bientot|a plus|a tout a l'heure|a tout de suite|au revoir|a la prochaine|a plus tard)",
      "(bonne journee|bonne soiree|bon week end|bon weekend|belle journee|bonne fin de journee|bonne nuit|bonne continuation)",
      "(cordialement|bien cordialement|bien a vous|bisous|bises|amicalement|salutations|sinceres salutations|belle journee a vous)",
    ],
    filler: [
      "(bonjour|bonsoir|coucou|salut|ah|oh|cher|chere|haha|hihi|mdr)",
      "envoye de mon (iphone|ipad|mobile|android|smartphone)",
    ],
  },
  it: {
    thanks: [
      "(grazie|grazie mille|mille grazie|grazie infinite|grazie tante|tante grazie|grazie davvero|grazie di cuore|grz|thx)",
      "(vi|ti|la) ringrazio",
      "(siete|sei) (i migliori|il migliore|la migliore|fantastici|gentilissimi|gentilissimo|gentilissima|grandi|mitici|top)",
    ],
    after_thanks: [
      "(ancora|davvero|di cuore|a tutti|ragazzi|lo stesso|comunque|infinite|mille)",
      "(di|per) tutto",
      "(per|della|dell') [la|il|l'|vostra|tua|sua] [rapida|veloce|pronta|gentile] (risposta|aiuto|disponibilita|gentilezza|info|informazione|informazioni|pazienza) [rapida|veloce]",
    ],
    ok: [
      "(ok|okay|va bene|perfetto|benissimo|ottimo|fantastico|grande|super|bene|molto bene|tutto chiaro|chiaro|capito|ricevuto|d'accordo|gentilissimi|gentilissimo|gentilissima|molto gentile|gentili|top|nessun problema|tutto ok|tutto bene|certo|splendido|meraviglioso|perfetto cosi)",
      "(tutto|e) perfetto",
    ],
    goodbye: [
      "(a presto|ci vediamo|ci vediamo presto|a dopo|arrivederci|alla prossima|a piu tardi|ci sentiamo)",
      "(buona giornata|buona serata|buon weekend|buon fine settimana|buona notte|buonanotte|buona continuazione)",
      "(saluti|cordiali saluti|un saluto|un abbraccio|distinti saluti|un caro saluto|un bacio|baci)",
    ],
    filler: [
      "(ciao|salve|buongiorno|buonasera|ah|oh|caro|cara|haha|ahah)",
      "inviato da [mio|il mio] (iphone|ipad|android|smartphone|cellulare)",
    ],
  },
  pt: {
    thanks: [
      "(obrigado|obrigada|muito obrigado|muito obrigada|obrigadao|obrigadona|obrigadissimo|obrigadissima|brigado|brigada|valeu|obg|obgd|obgda|agradeco|muito grato|muito grata|grato|grata)",
      "(voces sao|vcs sao|voce e|es) (os melhores|o melhor|a melhor|incriveis|demais|top|uns amores|um amor)",
    ],
    after_thanks: [
      "(de novo|mais uma vez|demais|mesmo|a todos|pessoal|galera|equipe|equipa|de coracao|assim mesmo)",
      "por tudo",
      "pela [rapida|pronta] (resposta|ajuda|atencao|informacao|info|rapidez|gentileza|disponibilidade|paciencia) [rapida]",
      "pelo (retorno|apoio|aviso)",
    ],
    ok: [
      "(ok|ta bom|esta bem|ta bem|tudo bem|perfeito|otimo|combinado|beleza|show|tudo certo|entendido|certo|fechado|excelente|maravilha|top|legal|muito bom|fixe|boa|bacana|sem problema|de acordo|joia|show de bola|percebido|perfeitamente)",
    ],
    goodbye: [
      "(ate logo|ate breve|ate mais|ate ja|ate a proxima|tchau|adeus)",
      "(abracos|abraco|um abraco|beijos|bjs|beijinhos|cumprimentos|melhores cumprimentos|atenciosamente|saudacoes)",
      "(tenha|tenham) um (bom dia|otimo dia|bom fim de semana)",
      "(bom fim de semana)",
    ],
    filler: [
      "(ola|oi|bom dia|boa tarde|boa noite|ah|oh|caro|cara|kkk|kkkk|rs|haha)",
      "enviado do meu (iphone|ipad|android|telemovel|celular)",
    ],
  },
};

/**
 * Days and dates. A closing with one of them in it ("see you tomorrow", "bis Freitag") is left to
 * staff, who may want to confirm it, and none of them is ever a name.
 */
export const DATE_WORDS: readonly string[] = [
  "today tomorrow tonight yesterday monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december",
  "hoy manana anoche lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
  "heute morgen gestern ubermorgen montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz mai juni juli oktober dezember",
  "aujourd'hui demain hier lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre",
  "oggi domani ieri stasera lunedi martedi mercoledi giovedi venerdi sabato domenica gennaio febbraio aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
  // "marco" (March) is left out: Marco is a name far more often after an "obrigado".
  "hoje amanha ontem segunda terca quarta quinta sexta sabado domingo janeiro fevereiro abril maio junho julho agosto setembro outubro novembro dezembro",
];

/**
 * Words that are never a name after "thanks": what a guest asks about or for. A capitalised word
 * after a thanks or a sign-off is taken for a name ("Thanks Miguel!") unless it is one of these or a
 * date ("Danke! Handtücher", "Thanks, Tuesday").
 */
export const THINGS_ASKED_FOR: readonly string[] = [
  "towel towels key keys room rooms bed beds wifi password breakfast dinner lunch locker lockers padlock invoice receipt refund parking taxi shower luggage bag bags checkin checkout check booking reservation cancel cancellation deposit payment card cash price airport transfer bus metro train flight help urgent sorry problem issue question please morning evening night weekend later soon waiting",
  "toalla toallas llave llaves habitacion cama camas contrasena desayuno cena taquilla candado factura recibo reembolso aparcamiento maleta maletas reserva pago tarjeta precio aeropuerto tren vuelo ayuda urgente perdon problema pregunta",
  "handtuch handtucher schlussel zimmer bett betten passwort fruhstuck abendessen schliessfach schloss rechnung quittung erstattung parkplatz koffer gepack buchung reservierung stornierung anzahlung zahlung karte preis flughafen zug flug hilfe dringend entschuldigung problem frage bitte",
  "serviette serviettes cle cles chambre lit lits mot petit dejeuner diner casier cadenas facture recu remboursement valise valises bagages reservation annulation paiement carte prix aeroport navette vol aide urgent pardon probleme question",
  "asciugamano asciugamani chiave chiavi camera stanza letto letti colazione cena armadietto lucchetto fattura ricevuta rimborso parcheggio valigia zaino prenotazione cancellazione pagamento carta prezzo aeroporto treno volo aiuto urgente scusa problema domanda",
  "toalha toalhas chave chaves quarto cama camas senha pequeno almoco jantar cacifo cadeado fatura recibo reembolso estacionamento mala malas bagagem reserva pagamento cartao preco aeroporto comboio voo ajuda urgente desculpa problema pergunta",
];

/** Emoji that close a conversation on their own or beside a thanks: thumbs, hands, smiles, hearts. */
export const CLOSING_EMOJI =
  "👍👌🙏😊🙂😀😃😄😁☺❤♥💙💚💛💜🧡🤍💕💖💗😍🥰😘🙌👏✅✌🤗😎🎉🥳✨💪☀🌞👋🤩😉🫶🌻🌸";

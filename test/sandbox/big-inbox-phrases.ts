// What the generated big inbox's guests and staff say, in the seed's six languages and in the
// seed's voice (Casa Azul Hostel, Lisbon: check-in 15:00, check-out 11:00, reception 24h, breakfast
// 7:30–10:30 for €6, towels €2, padlock €3, airport transfer €25, luggage room free). Placeholders in
// braces are filled per message: {first} {time} {date} {n} {item} {staff}.

export type Language = "en" | "de" | "fr" | "es" | "it" | "pt";
export const LANGUAGES: readonly Language[] = ["en", "de", "fr", "es", "it", "pt"];

/** A topic a guest writes about: what they ask, and how staff answer, per language. */
export interface Topic {
  name: string;
  /** An email subject for the topic (EMAIL threads), per language. */
  subject: Record<Language, string>;
  ask: Record<Language, readonly string[]>;
  answer: Record<Language, readonly string[]>;
}

export const TOPICS: readonly Topic[] = [
  {
    name: "late-arrival",
    subject: {
      en: "Late arrival",
      de: "Späte Anreise",
      fr: "Arrivée tardive",
      es: "Llegada tarde",
      it: "Arrivo in tarda serata",
      pt: "Chegada tardia",
    },
    ask: {
      en: [
        "Hi! My flight lands at {time}, so I'll only get to the hostel after midnight. Is that ok?",
        "Hello, we're arriving on {date} quite late, around {time}. Will someone be at reception to check us in?",
      ],
      de: [
        "Hallo! Mein Zug kommt erst um {time} an, ich bin also erst nach Mitternacht da. Ist das in Ordnung?",
        "Guten Tag, wir reisen am {date} spät an, etwa um {time}. Ist die Rezeption dann noch besetzt?",
      ],
      fr: [
        "Bonjour ! Mon vol atterrit à {time}, je n'arriverai donc qu'après minuit. Est-ce que c'est possible ?",
        "Bonsoir, nous arrivons le {date} assez tard, vers {time}. Y aura-t-il quelqu'un à la réception ?",
      ],
      es: [
        "¡Hola! Mi vuelo aterriza a las {time}, así que llegaré después de medianoche. ¿Hay algún problema?",
        "Buenas, llegamos el {date} bastante tarde, sobre las {time}. ¿Habrá alguien en recepción?",
      ],
      it: [
        "Ciao! Il mio volo atterra alle {time}, quindi arriverò dopo mezzanotte. Va bene lo stesso?",
        "Buongiorno, arriviamo il {date} piuttosto tardi, verso le {time}. C'è qualcuno alla reception?",
      ],
      pt: [
        "Olá! O meu voo aterra às {time}, por isso só chego depois da meia-noite. Há problema?",
        "Boa tarde, chegamos no dia {date} já tarde, por volta das {time}. Vai estar alguém na receção?",
      ],
    },
    answer: {
      en: [
        "No problem at all – our reception is open 24 hours, just ring the Casa Azul bell at Rua das Flores 28.",
      ],
      de: [
        "Kein Problem – unsere Rezeption ist rund um die Uhr geöffnet. Klingeln Sie einfach bei Casa Azul, Rua das Flores 28.",
      ],
      fr: [
        "Aucun souci, notre réception est ouverte 24 h/24 : sonnez simplement chez Casa Azul, Rua das Flores 28.",
      ],
      es: [
        "¡Sin problema! La recepción está abierta 24 horas, solo tienes que tocar el timbre de Casa Azul en Rua das Flores 28.",
      ],
      it: [
        "Nessun problema, la reception è aperta 24 ore su 24: suona il campanello di Casa Azul in Rua das Flores 28.",
      ],
      pt: [
        "Sem problema nenhum – a receção está aberta 24 horas, basta tocar à campainha da Casa Azul na Rua das Flores 28.",
      ],
    },
  },
  {
    name: "luggage",
    subject: {
      en: "Luggage after check-out",
      de: "Gepäck nach dem Check-out",
      fr: "Bagages après le départ",
      es: "Equipaje después del check-out",
      it: "Bagagli dopo il check-out",
      pt: "Bagagem depois do check-out",
    },
    ask: {
      en: [
        "Can I leave my backpack somewhere after check-out? My bus only leaves at {time}.",
        "Is there a luggage room? We arrive at 9 in the morning, long before check-in.",
      ],
      de: [
        "Kann ich meinen Rucksack nach dem Check-out noch bei euch lassen? Mein Bus fährt erst um {time}.",
        "Gibt es einen Gepäckraum? Wir kommen schon um 9 Uhr morgens an, lange vor dem Check-in.",
      ],
      fr: [
        "Est-ce que je peux laisser mon sac à dos après le check-out ? Mon bus ne part qu'à {time}.",
        "Avez-vous une bagagerie ? Nous arrivons à 9 h du matin, bien avant l'heure d'arrivée.",
      ],
      es: [
        "¿Puedo dejar la mochila después del check-out? Mi autobús no sale hasta las {time}.",
        "¿Tenéis consigna? Llegamos a las 9 de la mañana, mucho antes del check-in.",
      ],
      it: [
        "Posso lasciare lo zaino dopo il check-out? Il mio autobus parte solo alle {time}.",
        "Avete un deposito bagagli? Arriviamo alle 9 di mattina, molto prima del check-in.",
      ],
      pt: [
        "Posso deixar a mochila depois do check-out? O meu autocarro só sai às {time}.",
        "Têm sala de bagagens? Chegamos às 9 da manhã, muito antes do check-in.",
      ],
    },
    answer: {
      en: ["Of course – our luggage room is free for guests, before check-in and after check-out."],
      de: ["Natürlich – unser Gepäckraum ist für Gäste kostenlos, vor dem Check-in und nach dem Check-out."],
      fr: ["Bien sûr, notre bagagerie est gratuite pour les clients, avant l'arrivée comme après le départ."],
      es: ["¡Claro! La consigna es gratuita para los huéspedes, antes del check-in y después del check-out."],
      it: ["Certo, il deposito bagagli è gratuito per gli ospiti, prima del check-in e dopo il check-out."],
      pt: ["Claro – a sala de bagagens é gratuita para hóspedes, antes do check-in e depois do check-out."],
    },
  },
  {
    name: "breakfast",
    subject: {
      en: "Breakfast question",
      de: "Frage zum Frühstück",
      fr: "Question sur le petit-déjeuner",
      es: "Pregunta sobre el desayuno",
      it: "Domanda sulla colazione",
      pt: "Pergunta sobre o pequeno-almoço",
    },
    ask: {
      en: [
        "Is breakfast included in my booking? It isn't clear from the confirmation.",
        "What time is breakfast served? Do you have vegan options?",
      ],
      de: [
        "Ist das Frühstück im Preis inbegriffen? Aus der Bestätigung geht das nicht hervor.",
        "Wann gibt es Frühstück? Habt ihr auch vegane Sachen?",
      ],
      fr: [
        "Le petit-déjeuner est-il inclus dans ma réservation ? Ce n'est pas clair.",
        "À quelle heure est servi le petit-déjeuner ? Avez-vous des options véganes ?",
      ],
      es: [
        "¿El precio incluye el desayuno? En la reserva no queda claro.",
        "¿A qué hora es el desayuno? ¿Tenéis opciones veganas?",
      ],
      it: [
        "La colazione è inclusa nella prenotazione? Dalla conferma non si capisce.",
        "A che ora servite la colazione? Avete opzioni vegane?",
      ],
      pt: [
        "O pequeno-almoço está incluído na reserva? Não percebi pela confirmação.",
        "A que horas é o pequeno-almoço? Têm opções veganas?",
      ],
    },
    answer: {
      en: [
        "Breakfast is served 7:30–10:30 for €6 and you can add it at reception; there is always a vegan option.",
      ],
      de: [
        "Frühstück gibt es von 7:30 bis 10:30 für 6 €, buchbar an der Rezeption – eine vegane Auswahl ist immer dabei.",
      ],
      fr: [
        "Le petit-déjeuner est servi de 7 h 30 à 10 h 30 pour 6 €, à ajouter à la réception ; il y a toujours une option végane.",
      ],
      es: [
        "El desayuno se sirve de 7:30 a 10:30 por 6 € y puedes añadirlo en recepción; siempre hay opción vegana.",
      ],
      it: [
        "La colazione è dalle 7:30 alle 10:30 a 6 €, si aggiunge alla reception; c'è sempre un'opzione vegana.",
      ],
      pt: [
        "O pequeno-almoço é servido das 7:30 às 10:30 por 6 € e pode ser adicionado na receção; há sempre opção vegana.",
      ],
    },
  },
  {
    name: "airport-transfer",
    subject: {
      en: "Airport transfer",
      de: "Flughafentransfer",
      fr: "Transfert depuis l'aéroport",
      es: "Traslado desde el aeropuerto",
      it: "Transfer dall'aeroporto",
      pt: "Transfer do aeroporto",
    },
    ask: {
      en: [
        "Do you offer an airport pickup? We are {n} people landing at {time} on {date}.",
        "How do I get from the airport to the hostel?",
      ],
      de: [
        "Bietet ihr einen Transfer vom Flughafen an? Wir sind {n} Personen und landen am {date} um {time}.",
        "Wie komme ich am besten vom Flughafen zum Hostel?",
      ],
      fr: [
        "Proposez-vous une navette depuis l'aéroport ? Nous sommes {n} et atterrissons le {date} à {time}.",
        "Comment aller de l'aéroport à l'auberge ?",
      ],
      es: [
        "¿Tenéis traslado desde el aeropuerto? Somos {n} personas y aterrizamos el {date} a las {time}.",
        "¿Cómo llego del aeropuerto al hostel?",
      ],
      it: [
        "Avete un servizio di transfer dall'aeroporto? Siamo in {n} e atterriamo il {date} alle {time}.",
        "Come arrivo dall'aeroporto all'ostello?",
      ],
      pt: [
        "Têm transfer do aeroporto? Somos {n} pessoas e aterramos no dia {date} às {time}.",
        "Como chego do aeroporto ao hostel?",
      ],
    },
    answer: {
      en: [
        "Our airport transfer costs €25 for up to 3 people; otherwise take the red metro line to Alameda and the green line to Baixa-Chiado.",
      ],
      de: [
        "Unser Flughafentransfer kostet 25 € für bis zu 3 Personen; sonst die rote Metrolinie bis Alameda und die grüne bis Baixa-Chiado.",
      ],
      fr: [
        "Notre transfert coûte 25 € jusqu'à 3 personnes ; sinon prenez la ligne rouge du métro jusqu'à Alameda puis la verte jusqu'à Baixa-Chiado.",
      ],
      es: [
        "El traslado cuesta 25 € para hasta 3 personas; si no, metro línea roja hasta Alameda y línea verde hasta Baixa-Chiado.",
      ],
      it: [
        "Il transfer costa 25 € fino a 3 persone; altrimenti metro linea rossa fino ad Alameda e linea verde fino a Baixa-Chiado.",
      ],
      pt: [
        "O transfer custa 25 € até 3 pessoas; de metro, linha vermelha até Alameda e linha verde até Baixa-Chiado.",
      ],
    },
  },
  {
    name: "cancellation",
    subject: {
      en: "Cancellation of my booking",
      de: "Stornierung meiner Buchung",
      fr: "Annulation de ma réservation",
      es: "Cancelación de mi reserva",
      it: "Cancellazione della prenotazione",
      pt: "Cancelamento da reserva",
    },
    ask: {
      en: [
        "I'm afraid I have to cancel my stay from {date}. Can I get a refund?",
        "Something came up – can we move our booking to another week instead of cancelling?",
      ],
      de: [
        "Leider muss ich meinen Aufenthalt ab dem {date} stornieren. Bekomme ich das Geld zurück?",
        "Uns ist etwas dazwischengekommen – können wir die Buchung verschieben statt zu stornieren?",
      ],
      fr: [
        "Je dois malheureusement annuler mon séjour à partir du {date}. Puis-je être remboursé ?",
        "Un imprévu : pouvons-nous décaler la réservation plutôt que l'annuler ?",
      ],
      es: [
        "Por desgracia tengo que cancelar mi estancia del {date}. ¿Me devolvéis el dinero?",
        "Nos ha surgido algo: ¿podemos cambiar la reserva a otra semana en vez de cancelar?",
      ],
      it: [
        "Purtroppo devo cancellare il soggiorno dal {date}. Posso avere un rimborso?",
        "Abbiamo avuto un imprevisto: possiamo spostare la prenotazione invece di cancellarla?",
      ],
      pt: [
        "Infelizmente tenho de cancelar a estadia a partir de {date}. Posso ter reembolso?",
        "Surgiu um imprevisto – podemos mudar a reserva para outra semana em vez de cancelar?",
      ],
    },
    answer: {
      en: [
        "I'm sorry to hear that. I've passed it to our reservations team, who will check your rate's conditions and come back to you.",
      ],
      de: [
        "Das tut mir leid. Ich habe es an unser Reservierungsteam gegeben, es prüft die Bedingungen Ihres Tarifs und meldet sich.",
      ],
      fr: [
        "Désolée de l'apprendre. J'ai transmis à notre équipe des réservations, qui vérifiera les conditions de votre tarif.",
      ],
      es: [
        "Lo siento mucho. Se lo he pasado al equipo de reservas, que revisará las condiciones de tu tarifa y te contestará.",
      ],
      it: [
        "Mi dispiace. Ho girato la richiesta al team prenotazioni, che verificherà le condizioni della tua tariffa.",
      ],
      pt: [
        "Lamento muito. Passei o pedido à equipa de reservas, que vai ver as condições da sua tarifa e responder.",
      ],
    },
  },
  {
    name: "invoice",
    subject: {
      en: "Invoice for my stay",
      de: "Rechnung für meinen Aufenthalt",
      fr: "Facture de mon séjour",
      es: "Factura de mi estancia",
      it: "Fattura del soggiorno",
      pt: "Fatura da estadia",
    },
    ask: {
      en: [
        "Could you send me an invoice with my company's name and VAT number? It's for work.",
        "I need a receipt for the {n} nights, including the city tax.",
      ],
      de: [
        "Könnten Sie mir eine Rechnung auf meine Firma mit USt-IdNr. schicken? Es war eine Dienstreise.",
        "Ich brauche eine Quittung für die {n} Nächte inklusive Kurtaxe.",
      ],
      fr: [
        "Pourriez-vous m'envoyer une facture au nom de mon entreprise avec le numéro de TVA ?",
        "J'ai besoin d'un reçu pour les {n} nuits, taxe de séjour comprise.",
      ],
      es: [
        "¿Me podéis mandar una factura a nombre de mi empresa con el CIF? Es un viaje de trabajo.",
        "Necesito un recibo de las {n} noches, con la tasa turística.",
      ],
      it: [
        "Potete inviarmi una fattura intestata alla mia azienda con partita IVA?",
        "Mi serve una ricevuta per le {n} notti, tassa di soggiorno inclusa.",
      ],
      pt: [
        "Podem enviar-me uma fatura em nome da minha empresa com o NIF?",
        "Preciso de um recibo das {n} noites, com a taxa turística.",
      ],
    },
    answer: {
      en: ["Of course – please send us the company details and we'll email the invoice within a day."],
      de: [
        "Gern – schicken Sie uns die Firmendaten, dann kommt die Rechnung innerhalb eines Tages per E-Mail.",
      ],
      fr: [
        "Bien sûr, envoyez-nous les coordonnées de l'entreprise et la facture partira par e-mail sous 24 h.",
      ],
      es: ["Claro, mándanos los datos de la empresa y te enviamos la factura por email en un día."],
      it: ["Certo, mandaci i dati dell'azienda e ti inviamo la fattura via email entro un giorno."],
      pt: ["Claro – envie-nos os dados da empresa e mandamos a fatura por email no prazo de um dia."],
    },
  },
  {
    name: "lost-item",
    subject: {
      en: "Lost item",
      de: "Etwas vergessen",
      fr: "Objet oublié",
      es: "Objeto olvidado",
      it: "Oggetto dimenticato",
      pt: "Objeto esquecido",
    },
    ask: {
      en: [
        "I think I left my {item} in the dorm when I checked out. Has anyone found it?",
        "Did the cleaning team find a {item}? I was in room {n}.",
      ],
      de: [
        "Ich glaube, ich habe mein {item} im Schlafsaal liegen lassen. Hat es jemand gefunden?",
        "Hat das Reinigungsteam ein {item} gefunden? Ich war in Zimmer {n}.",
      ],
      fr: [
        "Je crois avoir oublié mon {item} dans le dortoir en partant. Quelqu'un l'a-t-il trouvé ?",
        "L'équipe de ménage a-t-elle trouvé un {item} ? J'étais dans la chambre {n}.",
      ],
      es: [
        "Creo que me dejé el {item} en el dormitorio al irme. ¿Lo ha encontrado alguien?",
        "¿Ha encontrado el equipo de limpieza un {item}? Estaba en la habitación {n}.",
      ],
      it: [
        "Credo di aver lasciato il mio {item} nel dormitorio. Qualcuno l'ha trovato?",
        "Le pulizie hanno trovato un {item}? Ero nella camera {n}.",
      ],
      pt: [
        "Acho que deixei o meu {item} no dormitório. Alguém o encontrou?",
        "A equipa de limpeza encontrou um {item}? Estava no quarto {n}.",
      ],
    },
    answer: {
      en: ["Let me check our lost and found box and get back to you today."],
      de: ["Ich schaue in unserer Fundkiste nach und melde mich heute noch."],
      fr: ["Je regarde dans notre boîte des objets trouvés et je reviens vers vous aujourd'hui."],
      es: ["Voy a mirar en la caja de objetos perdidos y te digo algo hoy mismo."],
      it: ["Controllo nella scatola degli oggetti smarriti e ti faccio sapere oggi."],
      pt: ["Vou ver na caixa de perdidos e achados e respondo ainda hoje."],
    },
  },
  {
    name: "extra-night",
    subject: {
      en: "One more night?",
      de: "Eine Nacht verlängern",
      fr: "Une nuit de plus",
      es: "Una noche más",
      it: "Una notte in più",
      pt: "Mais uma noite",
    },
    ask: {
      en: [
        "I love it here – can I stay one more night, until {date}?",
        "Is there a free bed for {n} extra nights? Same dorm if possible.",
      ],
      de: [
        "Es gefällt mir so gut – kann ich noch eine Nacht bis zum {date} bleiben?",
        "Gibt es noch ein freies Bett für {n} weitere Nächte? Gern im selben Schlafsaal.",
      ],
      fr: [
        "Je me plais beaucoup ici, puis-je rester une nuit de plus, jusqu'au {date} ?",
        "Auriez-vous un lit libre pour {n} nuits de plus ? Dans le même dortoir si possible.",
      ],
      es: [
        "¡Me encanta esto! ¿Puedo quedarme una noche más, hasta el {date}?",
        "¿Queda una cama libre para {n} noches más? En el mismo dormitorio si puede ser.",
      ],
      it: [
        "Mi trovo benissimo, posso restare un'altra notte fino al {date}?",
        "C'è un letto libero per altre {n} notti? Possibilmente nello stesso dormitorio.",
      ],
      pt: [
        "Estou a adorar – posso ficar mais uma noite, até dia {date}?",
        "Há uma cama livre para mais {n} noites? No mesmo dormitório se possível.",
      ],
    },
    answer: {
      en: [
        "Good news, we still have a bed in your dorm – I've extended your booking, you can pay at reception.",
      ],
      de: [
        "Gute Nachricht: In Ihrem Schlafsaal ist noch ein Bett frei, ich habe die Buchung verlängert, zahlen können Sie an der Rezeption.",
      ],
      fr: [
        "Bonne nouvelle : il reste un lit dans votre dortoir, j'ai prolongé la réservation, vous réglerez à la réception.",
      ],
      es: [
        "¡Buenas noticias! Queda una cama en tu dormitorio; he ampliado la reserva y puedes pagar en recepción.",
      ],
      it: [
        "Buone notizie: c'è ancora un letto nel tuo dormitorio, ho prolungato la prenotazione, paghi alla reception.",
      ],
      pt: [
        "Boas notícias – ainda há uma cama no seu dormitório, prolonguei a reserva e pode pagar na receção.",
      ],
    },
  },
  {
    name: "towels-lockers",
    subject: {
      en: "Towels and lockers",
      de: "Handtücher und Schließfächer",
      fr: "Serviettes et casiers",
      es: "Toallas y taquillas",
      it: "Asciugamani e armadietti",
      pt: "Toalhas e cacifos",
    },
    ask: {
      en: [
        "Do I need to bring a towel and a padlock, or can I rent them?",
        "Are there lockers in the dorms? Big enough for a {n}0-litre backpack?",
      ],
      de: [
        "Muss ich Handtuch und Vorhängeschloss mitbringen oder kann man die leihen?",
        "Gibt es Schließfächer in den Schlafsälen? Passt ein {n}0-Liter-Rucksack hinein?",
      ],
      fr: [
        "Dois-je apporter une serviette et un cadenas, ou peut-on les louer ?",
        "Y a-t-il des casiers dans les dortoirs ? Assez grands pour un sac de {n}0 litres ?",
      ],
      es: [
        "¿Tengo que llevar toalla y candado o se pueden alquilar?",
        "¿Hay taquillas en los dormitorios? ¿Cabe una mochila de {n}0 litros?",
      ],
      it: [
        "Devo portare asciugamano e lucchetto o si possono noleggiare?",
        "Ci sono armadietti nei dormitori? Ci sta uno zaino da {n}0 litri?",
      ],
      pt: [
        "Tenho de levar toalha e cadeado, ou posso alugar?",
        "Há cacifos nos dormitórios? Cabe uma mochila de {n}0 litros?",
      ],
    },
    answer: {
      en: ["Every bed has a large locker; bring your own padlock or rent one for €3, and towels are €2."],
      de: [
        "Jedes Bett hat ein großes Schließfach; Schloss mitbringen oder für 3 € leihen, Handtücher kosten 2 €.",
      ],
      fr: [
        "Chaque lit a un grand casier ; apportez un cadenas ou louez-en un pour 3 €, les serviettes sont à 2 €.",
      ],
      es: [
        "Cada cama tiene una taquilla grande; trae candado o alquila uno por 3 €, y las toallas cuestan 2 €.",
      ],
      it: [
        "Ogni letto ha un armadietto grande; porta un lucchetto o noleggialo a 3 €, gli asciugamani costano 2 €.",
      ],
      pt: ["Cada cama tem um cacifo grande; traga cadeado ou alugue um por 3 €, e as toalhas custam 2 €."],
    },
  },
  {
    name: "noise",
    subject: {
      en: "Noise in the dorm",
      de: "Lärm im Schlafsaal",
      fr: "Bruit dans le dortoir",
      es: "Ruido en el dormitorio",
      it: "Rumore nel dormitorio",
      pt: "Barulho no dormitório",
    },
    ask: {
      en: [
        "Sorry to complain, but people in room {n} were loud until 3 am. I could hardly sleep.",
        "Is it possible to move to a quieter room? The street noise keeps me awake.",
      ],
      de: [
        "Entschuldigung, aber in Zimmer {n} war es bis 3 Uhr laut. Ich konnte kaum schlafen.",
        "Kann ich in ein ruhigeres Zimmer wechseln? Der Straßenlärm hält mich wach.",
      ],
      fr: [
        "Désolé de me plaindre, mais la chambre {n} a fait du bruit jusqu'à 3 h. Je n'ai presque pas dormi.",
        "Serait-il possible de changer pour une chambre plus calme ? Le bruit de la rue m'empêche de dormir.",
      ],
      es: [
        "Perdón por quejarme, pero en la habitación {n} hubo ruido hasta las 3. Casi no dormí.",
        "¿Puedo cambiarme a una habitación más tranquila? El ruido de la calle no me deja dormir.",
      ],
      it: [
        "Scusate, ma nella camera {n} hanno fatto rumore fino alle 3. Ho dormito pochissimo.",
        "Posso cambiare con una camera più tranquilla? Il rumore della strada mi tiene sveglio.",
      ],
      pt: [
        "Desculpem a queixa, mas no quarto {n} houve barulho até às 3. Quase não dormi.",
        "É possível mudar para um quarto mais sossegado? O barulho da rua não me deixa dormir.",
      ],
    },
    answer: {
      en: [
        "I'm really sorry. Quiet hours are 23:00–08:00 and the night shift will keep an eye on it; we can also move you to a courtyard room.",
      ],
      de: [
        "Das tut mir sehr leid. Nachtruhe ist von 23 bis 8 Uhr, die Nachtschicht achtet darauf; wir können Sie auch in ein Zimmer zum Hof verlegen.",
      ],
      fr: [
        "Je suis vraiment désolée. Le calme est de mise de 23 h à 8 h, l'équipe de nuit y veillera ; nous pouvons aussi vous installer côté cour.",
      ],
      es: [
        "Lo siento mucho. El horario de silencio es de 23:00 a 08:00 y el turno de noche estará atento; también podemos cambiarte a una habitación interior.",
      ],
      it: [
        "Mi dispiace davvero. Il silenzio è dalle 23 alle 8 e il turno di notte controllerà; possiamo anche spostarti in una camera sul cortile.",
      ],
      pt: [
        "Lamento imenso. O silêncio é das 23:00 às 08:00 e o turno da noite vai estar atento; podemos também mudar para um quarto virado para o pátio.",
      ],
    },
  },
];

/** Staff greet the guest in the guest's language. */
export const STAFF_HELLO: Record<Language, string> = {
  en: "Hi {first},",
  de: "Hallo {first},",
  fr: "Bonjour {first},",
  es: "¡Hola, {first}!",
  it: "Ciao {first},",
  pt: "Olá {first},",
};

/** A guest's last word in a thread. */
export const GUEST_THANKS: Record<Language, readonly string[]> = {
  en: ["Perfect, thank you so much!", "Great, see you soon!", "Thanks a lot, that helps."],
  de: ["Super, vielen Dank!", "Perfekt, bis bald!", "Danke, das hilft mir sehr."],
  fr: ["Parfait, merci beaucoup !", "Super, à bientôt !", "Merci, c'est très clair."],
  es: ["¡Perfecto, muchas gracias!", "¡Genial, hasta pronto!", "Gracias, me ayuda mucho."],
  it: ["Perfetto, grazie mille!", "Ottimo, a presto!", "Grazie, molto gentile."],
  pt: ["Perfeito, muito obrigado!", "Ótimo, até breve!", "Obrigada, ajudou imenso."],
};

export const ITEMS: Record<Language, readonly string[]> = {
  en: ["phone charger", "sunglasses", "jacket", "passport holder", "headphones"],
  de: ["Ladekabel", "Sonnenbrille", "Jacke", "Reisepasshülle", "Kopfhörer"],
  fr: ["chargeur", "lunettes de soleil", "veste", "porte-passeport", "casque"],
  es: ["cargador", "gafas de sol", "chaqueta", "portapasaportes", "auriculares"],
  it: ["caricabatterie", "occhiali da sole", "giacca", "portapassaporto", "cuffie"],
  pt: ["carregador", "óculos de sol", "casaco", "porta-passaporte", "auscultadores"],
};

export const STAFF = ["Rita", "João", "Inês", "Tiago", "Sofia", "Miguel"] as const;

/** Guests by country: their first and last names (accents kept) and the language they write in. */
export interface Origin {
  language: Language;
  first: readonly string[];
  last: readonly string[];
}

export const ORIGINS: readonly Origin[] = [
  {
    language: "en",
    first: ["Emily", "James", "Chloe", "Liam", "Olivia", "Noah"],
    last: ["Smith", "Taylor", "O'Brien", "Walsh", "Harper", "Bennett"],
  },
  {
    language: "en",
    first: ["Seán", "Aoife", "Niamh", "Ciarán"],
    last: ["Ó Briain", "Mac Giolla", "Ní Dhuibhir", "Ó Súilleabháin"],
  },
  {
    language: "de",
    first: ["Jürgen", "Lena", "Jörg", "Käthe", "Maximilian", "Sören"],
    last: ["Müller", "Schäfer", "Größ", "Bäcker", "Weiß", "Köhler"],
  },
  {
    language: "fr",
    first: ["Théo", "Élise", "Zoé", "Loïc", "Hélène", "Benoît"],
    last: ["Lefèvre", "Bérubé", "Gérard", "Ménard", "Lévêque", "Dubois"],
  },
  {
    language: "es",
    first: ["José", "María", "Íñigo", "Lucía", "Álvaro", "Begoña"],
    last: ["Núñez", "García", "Peña", "Muñoz", "Ibáñez", "Martínez"],
  },
  {
    language: "es",
    first: ["Sebastián", "Valentina", "Matías", "Camila"],
    last: ["Rodríguez", "Gómez", "Fernández", "Sánchez"],
  },
  {
    language: "it",
    first: ["Niccolò", "Giulia", "Lucrezia", "Nicolò", "Chiara", "Andrea"],
    last: ["Esposito", "Bianchi", "De Luca", "Colombo", "Mancini", "Rossi"],
  },
  {
    language: "pt",
    first: ["João", "Conceição", "Inês", "Gonçalo", "Tomás", "Leonor"],
    last: ["Gonçalves", "Simões", "Araújo", "Magalhães", "Brandão", "Sousa"],
  },
  {
    language: "pt",
    first: ["Luíza", "Caio", "Thaís", "Vinícius", "Letícia"],
    last: ["Conceição", "Assunção", "Cardoso", "Fonseca", "Barbosa"],
  },
  {
    language: "en",
    first: ["Łukasz", "Małgorzata", "Paweł", "Zofia"],
    last: ["Wójcik", "Dąbrowski", "Kowalczyk", "Żak"],
  },
  {
    language: "en",
    first: ["Tomáš", "Jiří", "Kateřina", "Zdeněk"],
    last: ["Dvořák", "Novotný", "Černá", "Růžička"],
  },
  {
    language: "en",
    first: ["Søren", "Åsa", "Björn", "Märta", "Øystein"],
    last: ["Ærø", "Nyström", "Sørensen", "Ångström", "Løvås"],
  },
  {
    language: "en",
    first: ["Çağla", "Gökhan", "Şule", "İlker"],
    last: ["Öztürk", "Yıldız", "Şahin", "Çelik"],
  },
  { language: "en", first: ["Gergő", "Zsófia", "Ádám"], last: ["Szőke", "Kovács", "Tóth"] },
  { language: "en", first: ["Ștefan", "Ioana", "Mădălina"], last: ["Popescu", "Țurcanu", "Dumitrașcu"] },
  { language: "en", first: ["Nguyễn", "Thảo", "Minh"], last: ["Trần", "Phạm", "Lê"] },
  { language: "en", first: ["Yūki", "Shōta", "Haruka"], last: ["Satō", "Itō", "Kōno"] },
  { language: "en", first: ["Þór", "Sigríður", "Ásgeir"], last: ["Guðmundsson", "Jónsdóttir", "Þórsson"] },
  {
    language: "en",
    first: ["Aarav", "Priya", "Zoë", "Renée"],
    last: ["Sharma", "Iyer", "Van der Berg", "D'Souza"],
  },
];

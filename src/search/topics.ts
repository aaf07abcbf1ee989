// The topics a hostel hears every day, in the six languages of its guests: a search for one word of
// a topic also finds threads written in another language ("towels" finds "toallas" and
// "Handtücher"). Reviewed data, not code: expand.ts reads it.
//
// Rules for an entry, checked by test/unit/topics.test.ts:
// - Words and short phrases as a guest writes them, accents included; the analysis (src/text/)
//   folds and stems them in the entry's language, so one form of a word is enough.
// - Only words that mean the topic wherever they appear. A word that is common or means something
//   else too ("late", "early", "room", "check", "way") appears only inside a phrase ("late
//   check-in"), never alone. A phrase is matched whole, its stop-words included ("check in").
// - A word in two topics is allowed ("check-in" is in both check-in/out and early check-in's
//   phrases): a query word of both topics is widened by both.
import type { Language } from "../text/languages.js";

export interface Topic {
  /** A short name for the topic, as the search may print it. */
  id: string;
  terms: Record<Language, readonly string[]>;
}

export const TOPICS: readonly Topic[] = [
  {
    id: "arrival time",
    terms: {
      en: [
        "arrival",
        "arrive",
        "arriving",
        "late arrival",
        "arriving late",
        "late check-in",
        "check in late",
        "eta",
      ],
      es: ["llegada", "llegar", "llegaré", "llegamos", "llegar tarde", "llegada tarde", "check-in tarde"],
      fr: ["arrivée", "arriver", "arriverai", "arrivée tardive", "arriver tard", "check-in tardif"],
      de: ["Ankunft", "ankommen", "späte Ankunft", "spät ankommen", "später Check-in"],
      pt: ["chegada", "chegar", "chego", "chegada tardia", "chegar tarde", "check-in tardio"],
      it: ["arrivo", "arrivare", "arriverò", "arrivo in ritardo", "arrivare tardi", "check-in tardivo"],
    },
  },
  {
    id: "check-in/out",
    terms: {
      en: [
        "check-in",
        "check-out",
        "checkin",
        "checkout",
        "checking in",
        "checking out",
        "checked out",
        "late check-out",
      ],
      es: ["check-in", "check-out", "registro de entrada", "hora de salida", "salida tardía"],
      fr: ["check-in", "check-out", "enregistrement", "départ tardif", "heure de départ"],
      de: ["Check-in", "Check-out", "einchecken", "auschecken", "später Check-out", "Abreise"],
      pt: ["check-in", "check-out", "saída tardia", "hora de saída"],
      it: ["check-in", "check-out", "partenza", "orario di partenza"],
    },
  },
  {
    id: "early check-in",
    terms: {
      en: ["early check-in", "check in early", "early arrival", "arrive early", "before check-in"],
      es: ["check-in temprano", "llegar temprano", "entrar antes", "check-in antes", "antes del check-in"],
      fr: ["check-in anticipé", "arrivée anticipée", "arriver tôt", "avant le check-in"],
      de: ["früher Check-in", "früher einchecken", "früh ankommen", "vor dem Check-in"],
      pt: ["check-in antecipado", "chegar cedo", "antes do check-in"],
      it: ["check-in anticipato", "arrivo anticipato", "arrivare presto", "prima del check-in"],
    },
  },
  {
    id: "luggage",
    terms: {
      en: [
        "luggage",
        "baggage",
        "bags",
        "backpack",
        "suitcase",
        "luggage room",
        "left luggage",
        "luggage storage",
      ],
      es: ["equipaje", "maleta", "maletas", "mochila", "consigna"],
      fr: ["bagages", "valise", "sac à dos", "consigne"],
      de: ["Gepäck", "Koffer", "Rucksack", "Gepäckraum", "Gepäckaufbewahrung"],
      pt: ["bagagem", "bagagens", "malas", "mochila", "guarda-bagagem"],
      it: ["bagagli", "bagaglio", "valigia", "zaino", "deposito bagagli"],
    },
  },
  {
    id: "towels and sheets",
    terms: {
      en: ["towel", "towels", "sheets", "bed linen", "linen"],
      es: ["toalla", "toallas", "sábanas", "ropa de cama"],
      fr: ["serviette", "serviettes", "draps", "linge de lit"],
      de: ["Handtuch", "Handtücher", "Bettwäsche", "Laken"],
      pt: ["toalha", "toalhas", "lençóis", "roupa de cama"],
      it: ["asciugamano", "asciugamani", "lenzuola", "biancheria"],
    },
  },
  {
    id: "breakfast",
    terms: {
      en: ["breakfast"],
      es: ["desayuno", "desayunar"],
      fr: ["petit-déjeuner", "petit déj"],
      de: ["Frühstück", "frühstücken"],
      pt: ["pequeno-almoço", "café da manhã"],
      it: ["colazione"],
    },
  },
  {
    id: "lockers",
    terms: {
      en: ["locker", "lockers", "padlock", "padlocks"],
      es: ["taquilla", "taquillas", "candado", "casillero"],
      fr: ["casier", "casiers", "cadenas"],
      de: ["Schließfach", "Schließfächer", "Spind", "Vorhängeschloss"],
      pt: ["cacifo", "cacifos", "cadeado"],
      it: ["armadietto", "armadietti", "lucchetto"],
    },
  },
  {
    id: "parking",
    terms: {
      en: ["parking", "car park", "garage", "park the car"],
      es: ["aparcamiento", "aparcar", "estacionamiento"],
      fr: ["stationnement", "garer"],
      de: ["Parkplatz", "parken", "Parkhaus", "Tiefgarage"],
      pt: ["estacionamento", "estacionar", "garagem"],
      it: ["parcheggio", "parcheggiare"],
    },
  },
  {
    id: "wi-fi",
    terms: {
      en: ["wifi", "wi-fi", "wireless", "internet", "password"],
      es: ["contraseña", "internet"],
      fr: ["mot de passe", "internet"],
      de: ["WLAN", "Passwort", "Internet"],
      pt: ["senha", "internet"],
      it: ["password", "rete wifi", "internet"],
    },
  },
  {
    id: "refunds and cancellations",
    terms: {
      en: ["refund", "refunded", "refundable", "cancel", "cancellation", "money back"],
      es: ["reembolso", "reembolsar", "cancelar", "cancelación", "anular", "devolver el dinero"],
      fr: ["remboursement", "rembourser", "remboursé", "annuler", "annulation"],
      de: ["Rückerstattung", "erstatten", "stornieren", "Stornierung", "Geld zurück"],
      pt: ["reembolso", "cancelar", "cancelamento", "devolução"],
      it: ["rimborso", "rimborsare", "cancellare", "cancellazione", "disdetta", "annullare"],
    },
  },
  {
    id: "invoices",
    terms: {
      en: ["invoice", "receipt", "vat"],
      es: ["factura", "recibo"],
      fr: ["facture", "reçu"],
      de: ["Rechnung", "Quittung", "Beleg"],
      pt: ["fatura", "factura", "recibo"],
      it: ["fattura", "ricevuta"],
    },
  },
  {
    id: "lost items",
    terms: {
      en: ["lost", "forgot", "forgotten", "lost and found", "left behind", "found"],
      es: ["perdido", "perdí", "olvidé", "objetos perdidos", "encontrado"],
      fr: ["perdu", "oublié", "objets trouvés", "trouvé"],
      de: ["verloren", "vergessen", "liegen lassen", "Fundsachen", "gefunden"],
      pt: ["perdido", "esqueci", "achados e perdidos", "encontrado"],
      it: ["perso", "dimenticato", "smarrito", "oggetti smarriti", "trovato"],
    },
  },
  {
    id: "groups",
    terms: {
      en: ["group", "groups", "group booking", "school trip", "class trip", "stag"],
      es: ["grupo", "grupos", "viaje escolar"],
      fr: ["groupe", "groupes", "voyage scolaire"],
      de: ["Gruppe", "Gruppen", "Klassenfahrt", "Schulklasse"],
      pt: ["grupo", "grupos", "viagem escolar"],
      it: ["gruppo", "gruppi", "gita scolastica"],
    },
  },
  {
    id: "noise",
    terms: {
      en: ["noise", "noisy", "loud", "quiet hours"],
      es: ["ruido", "ruidoso", "ruidosos"],
      fr: ["bruit", "bruyant", "bruyants"],
      de: ["Lärm", "laut", "Nachtruhe", "leiser"],
      pt: ["barulho", "barulhento", "ruído"],
      it: ["rumore", "rumoroso", "rumorosi"],
    },
  },
  {
    id: "cleanliness",
    terms: {
      en: ["clean", "dirty", "cleaning", "cleanliness", "hygiene"],
      es: ["limpio", "sucio", "sucia", "limpieza"],
      fr: ["propreté", "saleté", "nettoyage", "ménage"],
      de: ["sauber", "schmutzig", "dreckig", "Reinigung"],
      pt: ["limpo", "sujo", "suja", "limpeza"],
      it: ["pulito", "sporco", "sporca", "pulizia"],
    },
  },
  {
    id: "payment",
    terms: {
      en: ["payment", "pay", "paid", "cash", "deposit", "credit card", "card payment"],
      es: ["pago", "pagar", "efectivo", "tarjeta", "depósito"],
      fr: ["paiement", "payer", "espèces", "carte bancaire", "acompte"],
      de: ["Zahlung", "bezahlen", "zahlen", "Bargeld", "Anzahlung", "Kreditkarte"],
      pt: ["pagamento", "pagar", "dinheiro", "cartão", "depósito"],
      it: ["pagamento", "pagare", "contanti", "carta di credito", "acconto"],
    },
  },
  {
    id: "directions",
    terms: {
      en: ["directions", "address", "metro", "subway", "airport", "train station", "taxi", "cheapest way"],
      es: ["dirección", "indicaciones", "aeropuerto", "metro", "taxi"],
      fr: ["itinéraire", "adresse", "aéroport", "métro", "taxi"],
      de: ["Wegbeschreibung", "Anfahrt", "Adresse", "Flughafen", "U-Bahn", "Taxi"],
      pt: ["morada", "endereço", "aeroporto", "metro", "táxi"],
      it: ["indicazioni", "indirizzo", "aeroporto", "metro", "taxi"],
    },
  },
];

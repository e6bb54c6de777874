/**
 * What a volunteer's skills and items mean for an emergency: first aid, a car, medical training. An offer in words
 * ("我有车，懂急救，可以帮忙"), a `/volunteer` command or a roster row names them in many ways; the emergency alert
 * reads these three flags, so every way of saying them must set them.
 */

/** The abilities an SOS alert looks for. */
export interface Abilities {
  firstAid: boolean;
  hasCar: boolean;
  medicalTraining: boolean;
}

const FIRST_AID = /急救|心肺复苏|first[- ]?aid|\bcpr\b|\baed\b/iu;
const CAR = /^车$|有车|私家车|开车|接送|\bcar\b|\bdrive\b|driving|give (?:a )?lifts?/iu;
const MEDICAL = /医护|护士|医生|大夫|护理|nurse|doctor|paramedic|medic\b|\bgp\b/iu;

/** The abilities named among skills and items (true only where named; saying nothing takes nothing away). */
export function abilitiesOf(skills: readonly string[], items: readonly string[]): Abilities {
  const all = [...skills, ...items];
  return {
    firstAid: all.some((word) => FIRST_AID.test(word)),
    hasCar: all.some((word) => CAR.test(word)),
    medicalTraining: all.some((word) => MEDICAL.test(word)),
  };
}

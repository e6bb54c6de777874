/**
 * The demo community created on the first interactive start when the database is empty: two grids, a few buildings,
 * a building group, an interest group, a dozen residents and volunteers, a grid captain and a coordinator.
 * Everyone has a console identity (their name), so the console chat can speak as them.
 */

/** A demo resident. */
export interface DemoResident {
  name: string;
  building: string;
  room: string;
  phone?: string;
  groups: string[];
  admin?: boolean;
  roles?: Array<"grid_captain" | "coordinator" | "mediator">;
  volunteer?: {
    skills?: string[];
    items?: string[];
    hasCar?: boolean;
    firstAid?: boolean;
    medicalTraining?: boolean;
    verified?: boolean;
    quietFrom?: string;
    quietTo?: string;
  };
}

/** A demo group chat, bound to a building or an interest. */
export interface DemoChat {
  title: string;
  building?: string;
  interest?: string;
  locale: "zh-CN" | "en";
}

/** The whole demo community. */
export const demoCommunity: {
  name: string;
  timeZone: string;
  locale: string;
  grids: Array<{ name: string; buildings: string[] }>;
  chats: DemoChat[];
  residents: DemoResident[];
} = {
  name: "幸福里社区",
  timeZone: "Asia/Shanghai",
  locale: "zh-CN",
  grids: [
    { name: "东区网格", buildings: ["1", "2", "3"] },
    { name: "西区网格", buildings: ["5", "6", "7"] },
  ],
  chats: [
    { title: "3栋邻里群", building: "3", locale: "zh-CN" },
    { title: "花园兴趣群", interest: "社区花园", locale: "zh-CN" },
    { title: "GardenClub", interest: "community garden (English speakers)", locale: "en" },
  ],
  residents: [
    { name: "王秀英", building: "3", room: "302", groups: ["3栋邻里群"] },
    { name: "李奶奶", building: "3", room: "101", groups: ["3栋邻里群"] },
    { name: "张阿姨", building: "3", room: "502", groups: ["3栋邻里群", "花园兴趣群"], volunteer: { skills: ["陪伴", "读报", "买菜"] } },
    { name: "王师傅", building: "3", room: "601", phone: "13800000001", groups: ["3栋邻里群"], volunteer: { skills: ["修水管", "电工", "维修"], items: ["梯子", "工具箱"] } },
    { name: "刘医生", building: "2", room: "201", phone: "13800000002", groups: ["3栋邻里群"], volunteer: { skills: ["急救", "量血压"], firstAid: true, medicalTraining: true, verified: true } },
    { name: "陈司机", building: "1", room: "402", phone: "13800000003", groups: ["3栋邻里群"], volunteer: { skills: ["开车", "接送"], hasCar: true, quietFrom: "22:00", quietTo: "07:00" } },
    { name: "赵老师", building: "3", room: "702", groups: ["3栋邻里群", "花园兴趣群"], volunteer: { skills: ["辅导作业", "看孩子"], verified: true } },
    { name: "孙小妹", building: "5", room: "303", groups: ["花园兴趣群"], volunteer: { skills: ["种花", "打气筒"], items: ["打气筒", "雨伞"] } },
    { name: "钱大爷", building: "6", room: "102", groups: ["花园兴趣群"] },
    { name: "Emma", building: "7", room: "1201", groups: ["GardenClub", "花园兴趣群"], volunteer: { skills: ["English tutoring", "gardening"], firstAid: true } },
    { name: "周大姐", building: "3", room: "202", phone: "13800000004", groups: ["3栋邻里群", "花园兴趣群"], admin: true, roles: ["grid_captain"], volunteer: { skills: ["调解", "组织活动"], firstAid: true } },
    { name: "孙主任", building: "5", room: "101", phone: "13800000005", groups: ["3栋邻里群", "花园兴趣群", "GardenClub"], admin: true, roles: ["coordinator", "mediator"] },
  ],
};

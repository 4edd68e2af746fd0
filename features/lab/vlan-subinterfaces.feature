Feature: FastEthernet subinterfaces carry IEEE 802.1Q VLANs on one cable
  `interface FastEthernet0/0.10` with `encapsulation dot1Q 10` puts the router on VLAN 10 of its
  port's link: it tags what it sends and takes only frames tagged 10. A host end written
  `pc10 vlan 10` sits on VLAN 10 as behind a switch's access port. Captures show the tags.

  Background:
    Given the lab "examples/vlan-trunk"

  Scenario: The router routes between two VLANs of one trunk
    When host "pc10" pings "pc20"
    Then the ping shows "!!!!!"
    When I run "show ip interface brief" on "R1"
    Then the output matches:
      """
      Interface                  IP-Address      OK? Method Status                Protocol
      FastEthernet0/0            unassigned      YES NVRAM  up                    up
      FastEthernet0/0.10         10.0.10.1       YES NVRAM  up                    up
      FastEthernet0/0.20         10.0.20.1       YES NVRAM  up                    up
      FastEthernet0/1            unassigned      YES unset  administratively down down
      """
    When I run "show arp" on "R1"
    Then the output contains "Internet 10.0.20.10 0 000c.2977.e316 ARPA FastEthernet0/0.20"

  # `encapsulation dot1Q` first in the section: unconfirmed for 12.2 (TEXT-SOURCES.md).
  Scenario: A subinterface section in the running configuration (layout unconfirmed for 12.2)
    When I run "show running-config interface FastEthernet0/0.10" on "R1"
    Then the output matches:
      """
      Building configuration...

      Current configuration : 97 bytes
      !
      interface FastEthernet0/0.10
       encapsulation dot1Q 10
       ip address 10.0.10.1 255.255.255.0
      end
      """

  # The subinterface block (no counters of its own, `Vlan ID  10.`): later IOS's layout, unconfirmed
  # for 12.2 (TEXT-SOURCES.md, "Interfaces").
  Scenario: show interfaces on a subinterface names its VLAN and counts nothing of its own (layout unconfirmed for 12.2)
    When I run "show interfaces FastEthernet0/0.20" on "R1"
    Then the output matches:
      """
      FastEthernet0/0.20 is up, line protocol is up
        Hardware is AmdFE, address is 0003.6b04.4bc0 (bia 0003.6b04.4bc0)
        Internet address is 10.0.20.1/24
        MTU 1500 bytes, BW 100000 Kbit, DLY 100 usec,
           reliability 255/255, txload 1/255, rxload 1/255
        Encapsulation 802.1Q Virtual LAN, Vlan ID  20.
        ARP type: ARPA, ARP Timeout 04:00:00
        Last clearing of "show interface" counters never
      """
    When I run "show interfaces" on "R1"
    Then the output contains "FastEthernet0/0.10 is up, line protocol is up"
    And the output contains "Encapsulation 802.1Q Virtual LAN, Vlan ID 10."
    When I run "show interfaces description" on "R1"
    Then the output matches:
      """
      Interface                      Status         Protocol Description
      Fa0/0                          up             up
      Fa0/0.10                       up             up
      Fa0/0.20                       up             up
      Fa0/1                          admin down     down
      """

  Scenario: A subinterface takes an address only once it is on a VLAN, in the (config-subif) prompt
    When I try to configure "R1" with:
      """
      interface FastEthernet0/0.30
       ip address 10.0.30.1 255.255.255.0
      """
    Then the configuration fails with:
      """
      R1(config-subif)#ip address 10.0.30.1 255.255.255.0
      % Configuring IP routing on a LAN subinterface is only allowed if that
      subinterface is already configured as part of an IEEE 802.10, IEEE 802.1Q,
      or ISL vLAN.
      """

  Scenario: A subinterface moved to another VLAN leaves its hosts behind
    When I configure "R1" with:
      """
      interface FastEthernet0/0.20
       encapsulation dot1Q 21
       ip address 10.0.20.1 255.255.255.0
      """
    And host "pc10" pings "pc20"
    Then the ping shows "....."

  Scenario: Shutting the port down takes its subinterfaces down with it
    When I configure "R1" with:
      """
      interface FastEthernet0/0
       shutdown
      """
    And I run "show ip interface brief" on "R1"
    Then the output contains "FastEthernet0/0.10 10.0.10.1 YES NVRAM down down"
